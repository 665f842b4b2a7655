/**
 * WHATWG URL, a global in every runtime core serves (the browser, Node), which ES2022's library
 * lacks. Declared here, and only what core reads, so core needs neither the DOM nor Node types.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly password: string;
  readonly protocol: string;
  readonly username: string;
}
