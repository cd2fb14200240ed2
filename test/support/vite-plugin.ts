/**
 * The duckcall Vite plugin driven by hand, hook by hook, as Vite drives it for one module: for tests
 * that look at one transform without starting a Vite server.
 */
import type { Plugin } from 'vite';
import duckcall, { type DuckcallViteOptions } from '../../transformer/front/vite.js';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

function handlerOf(hook: unknown): Hook {
  if (typeof hook === 'function') return hook as Hook;
  return (hook as { handler: Hook }).handler;
}

export interface DrivenPlugin {
  /** The plugin's transform result, or `undefined`/`null` when it leaves the module alone; a failure throws its message. */
  transform(file: string, code: string): { code: string; map?: unknown } | null | undefined;
  /** The files the plugin asked Vite to watch, in the order asked. */
  readonly watched: string[];
  readonly plugin: Plugin;
}

/** A fresh plugin whose Vite root is `root`, after `configResolved` and `buildStart`. */
export function drivePlugin(root: string, options?: DuckcallViteOptions): DrivenPlugin {
  const plugin = duckcall(options);
  const watched: string[] = [];
  const context = {
    meta: {},
    error(message: string | { message: string }): never {
      throw new Error(typeof message === 'string' ? message : message.message);
    },
    warn() {},
    addWatchFile(file: string) {
      watched.push(file);
    },
  };
  handlerOf(plugin.configResolved).call(context, { root });
  handlerOf(plugin.buildStart).call(context, {});
  return {
    plugin,
    watched,
    transform(file, code) {
      return handlerOf(plugin.transform).call(context, code, file) as ReturnType<DrivenPlugin['transform']>;
    },
  };
}
