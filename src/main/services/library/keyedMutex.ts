/** Runs tasks one at a time per key, so two saves of one article never interleave. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const next = previous.then(task, task)
    const tail = next.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return next
  }

  /** Resolves once every task queued so far, and any queued while waiting, has finished. */
  async settle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()])
  }
}
