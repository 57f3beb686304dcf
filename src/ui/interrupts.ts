/**
 * Whether Ctrl-C belongs to someone else right now: while a pager runs, the key is the pager's (less
 * uses it to stop a search), so papers waits for the pager instead of dying under it, as git does.
 */
export const interrupts = { ignored: 0 };
