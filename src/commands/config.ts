import { UsageError } from '../core/errors.js';
import { parseSetting, SETTING_KEYS, SETTINGS, settingKey, showSetting, type Settings } from '../core/settings.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';

/** `papers config list|get|set|unset|path`: typed, validated settings. */
export async function run(ctx: Context, { args: words }: Invocation): Promise<Result> {
  const [action, ...args] = words;
  return { kind: 'lines', lines: await config(ctx, action, args) };
}

async function config(ctx: Context, action: string | undefined, args: string[]): Promise<string[]> {
  const store = ctx.settings();
  const want = (n: number, usage: string) => {
    if (args.length !== n) throw new UsageError(`usage: papers config ${usage}`);
  };
  switch (action ?? 'list') {
    case 'path':
      want(0, 'path');
      return [store.path];
    case 'list': {
      want(0, 'list');
      const { settings } = await store.read();
      return SETTING_KEYS.map((key) => {
        const value = settings[key];
        return value === undefined ? `${key}=${SETTINGS[key].fallback}\t(default)` : `${key}=${showSetting(value)}`;
      });
    }
    case 'get': {
      want(1, 'get <key>');
      const key = settingKey(args[0]!);
      const value = (await store.read()).settings[key];
      return [value === undefined ? SETTINGS[key].fallback : showSetting(value)];
    }
    case 'set': {
      want(2, 'set <key> <value>');
      const key = settingKey(args[0]!);
      const value = parseSetting(key, args[1]!);
      await store.update((s) => ({ ...s, settings: { ...s.settings, [key]: value } as Settings }));
      return [];
    }
    case 'unset': {
      want(1, 'unset <key>');
      const key = settingKey(args[0]!);
      await store.update((s) => {
        const settings = { ...s.settings };
        delete settings[key];
        return { ...s, settings };
      });
      return [];
    }
    default:
      throw new UsageError(`no config action '${action}'`, 'use list, get <key>, set <key> <value>, unset <key> or path');
  }
}
