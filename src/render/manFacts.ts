import { EXIT } from '../core/errors.js';

/** What the man page says besides the commands: environment, files, exit codes. */
export const MAN_FACTS = {
  environment: [
    ['PAPERS_API_URL', 'Hugging Face base URL (default https://huggingface.co); may carry a path prefix.'],
    ['PAPERS_ARXIV_URL', 'arXiv export API base URL (default https://export.arxiv.org).'],
    ['PAPERS_CACHE_DIR', 'The cache directory.'],
    ['PAPERS_CONFIG_DIR', 'The settings directory.'],
    ['PAPERS_DATA_DIR', 'The data directory: where the seen and read marks are kept.'],
    ['PAPERS_DEBUG', 'Set to 1: stack traces and network detail on stderr.'],
    ['NO_COLOR, FORCE_COLOR, TERM, COLUMNS', 'Colour and width, as usual; TERM=dumb means no colour and no spinner.'],
    ['PAGER', 'The pager for long abstracts and full texts on a terminal (default less -FRX).'],
    ['BROWSER', 'The browser for papers open.'],
    ['HTTPS_PROXY, HTTP_PROXY, NO_PROXY', 'Proxies.'],
    ['HF_TOKEN', 'A Hugging Face token, sent as a Bearer header to the Hugging Face base only (twice the anonymous rate limit).'],
    ['HF_TOKEN_PATH, HF_HOME', 'Where the token file is when HF_TOKEN is not set (default ~/.cache/huggingface/token).'],
    ['HF_HUB_DISABLE_IMPLICIT_TOKEN', 'Set to 1: the token file is not read.'],
  ] as [string, string][],
  files: [
    ['~/.config/papers-nodejs/config.json', 'Settings and the reading list (the platform config directory elsewhere).'],
    ['~/.cache/papers-nodejs/', 'The cache: one JSON file per list or paper, and last-list.ids (the platform cache directory elsewhere).'],
    ['~/.local/share/papers-nodejs/marks.json', 'What you have seen and read, and the last day papers new covered (the platform data directory elsewhere).'],
  ] as [string, string][],
  exitCodes: [
    [EXIT.ok, 'Success, an empty list included.'],
    [EXIT.failure, 'Failure at run time: network, server, an unreadable feed.'],
    [EXIT.usage, 'Usage: an unknown command or option, a bad value.'],
    [EXIT.notFound, 'Not found: an id no source knows.'],
    [EXIT.interrupted, 'Interrupted.'],
  ].map(([code, text]) => [String(code), String(text)] as [string, string]),
};
