/**
 * The package GET through a company proxy (the hpagent agents the network settings make), fetched with got. Through
 * a proxy the bytes arrive over a CONNECT tunnel, and Node reads a TLS connection laid over an existing socket
 * through streams only (`onread` is ignored there), so reading into the blocks would gain little: this path keeps
 * got's stream, with its copy from each read into the blocks. Without a proxy, the direct receiver is used.
 */
import { pipeline } from 'node:stream/promises';
import got, { type Agents, type PlainResponse, type Request, type StreamOptions } from 'got';
import type { AnswerRequest, PackageAnswer } from './package-answer.js';

export async function proxiedAnswer(request: AnswerRequest, agent: Agents): Promise<PackageAnswer> {
  const options: StreamOptions = {
    headers: request.headers,
    decompress: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    timeout: {
      lookup: request.timeoutMs,
      connect: request.timeoutMs,
      response: request.timeoutMs,
      socket: request.timeoutMs,
    },
    signal: request.signal,
    agent,
  };
  if (request.certificateAuthority !== undefined) {
    options.https = { certificateAuthority: request.certificateAuthority };
  }
  const stream = got.stream(request.url, options);
  // Until the body is piped, a failure must still have a listener, or it would crash the process.
  stream.on('error', () => undefined);
  const response = await responseOf(stream);
  return {
    status: response.statusCode,
    header: (name) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    intoSink: (sink) => pipeline(stream, sink),
    readText: (limit) => readSome(stream, limit),
    close: () => stream.destroy(),
  };
}

function responseOf(stream: Request): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('response', (response: PlainResponse) => {
      stream.off('error', onError);
      resolve(response);
    });
  });
}

async function readSome(stream: Request, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // The status alone still says enough.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
