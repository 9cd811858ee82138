/**
 * Reads the first `size` bytes of a stream for sniffing and returns them with a stream that
 * replays them before the rest, so detection costs no second pass over the file.
 */
export async function peekHead(
  source: AsyncIterable<Uint8Array>,
  size = 64 * 1024,
): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]()
  const chunks: Buffer[] = []
  let length = 0
  let done = false
  // A stream that fails inside the head (a truncated gzip) still gives its bytes for sniffing;
  // the failure surfaces when the replay reaches it, where the import loop handles it.
  let failure: unknown = null
  while (length < size) {
    let next: IteratorResult<Uint8Array>
    try {
      next = await iterator.next()
    } catch (error) {
      failure = error
      break
    }
    if (next.done) {
      done = true
      break
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    chunks.push(chunk)
    length += chunk.length
  }
  const head = Buffer.concat(chunks, length).subarray(0, size)
  async function* replay(): AsyncGenerator<Buffer> {
    yield* chunks
    if (failure !== null) throw failure
    if (done) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    }
  }
  return { head, stream: replay() }
}
