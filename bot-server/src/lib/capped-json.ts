/**
 * Reads a provider's JSON answer, at most `maxBytes` of it (house rule OB-7: a response cap of 1 MB): a
 * misbehaving or hostile upstream cannot make the server buffer without bound. Over the cap, or not JSON,
 * it throws; the caller treats that like an unreachable provider.
 */
export const MAX_PROVIDER_RESPONSE_BYTES = 1024 * 1024;

export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
}

export async function readCappedJson(
  response: Response,
  maxBytes = MAX_PROVIDER_RESPONSE_BYTES,
): Promise<unknown> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ResponseTooLargeError();
  }
  if (!response.body) throw new SyntaxError("an empty answer is not JSON");
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ResponseTooLargeError();
    }
    chunks.push(value);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}
