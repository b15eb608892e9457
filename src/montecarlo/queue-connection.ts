/**
 * Connections to the Redis behind a queue: the URL is checked and the server pinged once with a connection that
 * does not retry, so an unreachable Redis is reported at once instead of being retried for ever (ioredis's
 * default); the long-lived connections then retry a lost connection for about
 * {@link RECONNECT_GIVE_UP_MS} before giving up, after which every command fails and the run stops with a
 * message instead of waiting.
 */
import type { RedisOptions as BullRedisOptions } from "bullmq";
import { Redis } from "ioredis";

/** About how long a lost connection is retried before the run gives up, in milliseconds. */
export const RECONNECT_GIVE_UP_MS = 10_000;

/** A Redis that cannot be reached or was lost, or a queue job that could not run: the run cannot go on. */
export class QueueConnectionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QueueConnectionError";
  }
}

/**
 * ioredis options of the long-lived connections for `url` (redis:// or rediss://): BullMQ's required
 * `maxRetriesPerRequest: null`, and reconnection attempts that stop after about RECONNECT_GIVE_UP_MS.
 *
 * @throws {QueueConnectionError} when url is not a redis:// or rediss:// URL.
 */
export function connectionOptions(url: string): BullRedisOptions {
  const parsed = parseRedisUrl(url);
  const delay = 500;
  return {
    host: parsed.hostname === "" ? "127.0.0.1" : parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    ...(parsed.username === "" ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === "" ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    connectTimeout: 5_000,
    retryStrategy: (attempt: number) => (attempt * delay > RECONNECT_GIVE_UP_MS ? null : delay),
  };
}

/** `url` parsed. @throws {QueueConnectionError} unless it is a redis:// or rediss:// URL */
export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueConnectionError(`queue URL must look like redis://host:port, got "${url}"`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new QueueConnectionError(`queue URL must start with redis:// or rediss://, got "${url}"`);
  }
  if (parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname)) {
    throw new QueueConnectionError(
      `queue URL path must be a database number such as /0, got "${parsed.pathname}"`,
    );
  }
  return parsed;
}

/**
 * A connection that only watches the Redis at `url`: `onLost` is called once when it is lost for good (after
 * the reconnection attempts of connectionOptions). Returns a function that closes it.
 */
export function watchRedis(url: string, onLost: () => void): () => void {
  const client = new Redis({ ...connectionOptions(url), lazyConnect: false });
  let closing = false;
  // each failed reconnection attempt is reported as an event; the final "end" is what counts
  client.on("error", () => {});
  client.on("end", () => {
    if (!closing) onLost();
  });
  return () => {
    closing = true;
    client.disconnect();
  };
}

/**
 * Connects to the Redis at `url` once, without retrying, and pings it.
 *
 * @throws {QueueConnectionError} naming the URL and the reason when it cannot be reached.
 */
export async function checkRedis(url: string): Promise<void> {
  const client = new Redis({
    ...connectionOptions(url),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // the socket's own error (ECONNREFUSED, ENOTFOUND, ...) arrives as an event; the rejected promise only says
  // that the connection is closed
  let socketError: unknown;
  client.on("error", (error: unknown) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const cause = socketError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new QueueConnectionError(`cannot reach Redis at ${redacted(url)}: ${reason}`, { cause: error });
  } finally {
    client.disconnect();
  }
}

/** `url` without its password, for messages. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.href.replace(/\/$/, "");
  } catch {
    return url;
  }
}
