// Test helper (not shipped): reading a server's event stream in a test.

/** Reads an event stream until `until` shows in it; what was read so far may be given. */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: string,
  sofar = '',
): Promise<string> {
  let text = sofar;
  const decoder = new TextDecoder();
  while (!text.includes(until)) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before "${until}": ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  return text;
}
