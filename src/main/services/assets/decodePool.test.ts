import { describe, expect, it } from 'vitest'
import { DecodePool } from './decodePool'
import { jpeg } from './__fixtures__/corpus'

const job = (bytes: Uint8Array): Parameters<DecodePool['run']>[0] => ({
  bytes,
  maxPixels: 100_000_000,
  previewSize: 1600,
  thumbSize: 320,
  readMetadata: true
})

describe('DecodePool', () => {
  it('never runs more workers than its size, and answers every job in its own order', async () => {
    const pool = new DecodePool({ size: 2 })
    try {
      const inputs = await Promise.all([0, 1, 2, 3, 4].map((n) => jpeg(200 + n, 100)))
      let most = 0
      const watcher = setInterval(() => (most = Math.max(most, pool.running)), 1)
      const outcomes = await Promise.all(inputs.map((b) => pool.run(job(b))))
      clearInterval(watcher)
      expect(most).toBeLessThanOrEqual(2)
      expect(pool.running).toBeLessThanOrEqual(2)
      expect(outcomes.map((o) => (o.ok ? o.header.width : o.message))).toEqual([
        200, 201, 202, 203, 204
      ])
      // The original comes back whole, with its hash.
      const first = outcomes[0]
      expect(first.ok && Buffer.from(first.bytes).equals(inputs[0])).toBe(true)
    } finally {
      await pool.close()
    }
    expect(pool.running).toBe(0)
  })

  it('stops idle workers and starts them again for the next job', async () => {
    const pool = new DecodePool({ size: 1, idleMs: 20 })
    try {
      expect((await pool.run(job(await jpeg(10, 10)))).ok).toBe(true)
      expect(pool.running).toBe(1)
      await new Promise((r) => setTimeout(r, 200))
      expect(pool.running).toBe(0)
      expect((await pool.run(job(await jpeg(11, 10)))).ok).toBe(true)
    } finally {
      await pool.close()
    }
  })

  it('fails queued jobs with a message when closed', async () => {
    const pool = new DecodePool({ size: 1 })
    const bytes = await jpeg(2000, 1500)
    const pending = [pool.run(job(bytes)), pool.run(job(new Uint8Array(bytes)))]
    await pool.close()
    const outcomes = await Promise.all(pending)
    expect(outcomes.every((o) => !o.ok && o.message === 'the decoder was shut down')).toBe(true)
  })
})
