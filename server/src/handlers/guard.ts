// One wrapper for every request handler: cancellation and exceptions are handled here, once.
// A cancelled request answers RequestCancelled; a failing one is logged and answers the fallback,
// so a bug in one feature never takes the server (or the editor's other features) down.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function cancelled<E = void>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * `ready`: false until the client sent `initialize`. The protocol says a request before it is answered
 * with ServerNotInitialized; waiting for settings that never come would leave it unanswered forever.
 */
export function guard<P, R, E = void>(
  logger: Logger,
  name: string,
  fallback: R,
  handler: Handler<P, R>,
  ready?: () => boolean,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<E>> {
  return async (params, token) => {
    if (ready && !ready())
      return new ResponseError<E>(
        ErrorCodes.ServerNotInitialized,
        `${name}: the server is not initialized yet (send initialize first)`,
      );
    if (token.isCancellationRequested) return cancelled<E>();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled<E>() : result;
    } catch (err) {
      if (err instanceof ResponseError) return err as ResponseError<E>;
      const e = err as Error;
      logger.error(`${name} failed: ${e?.stack ?? String(err)}`);
      return fallback;
    }
  };
}

/** For notifications: exceptions are logged, never thrown into the connection. */
export function guardNotification<P>(
  logger: Logger,
  name: string,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r && typeof (r as Promise<void>).catch === 'function') {
        (r as Promise<void>).catch((err: unknown) =>
          logger.error(`${name} failed: ${(err as Error)?.stack ?? String(err)}`),
        );
      }
    } catch (err) {
      logger.error(`${name} failed: ${(err as Error)?.stack ?? String(err)}`);
    }
  };
}
