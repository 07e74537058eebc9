import { describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article'
import type { Result } from '../../../shared/result'
import { createArticleLoader } from './articleLoad'

// A library of two articles whose answers the test releases by hand, recording every request.
function library(): {
  fetchArticle(input: { id: string }): Promise<Result<Article>>
  asked: string[]
  answer(id: string, headline: string): void
} {
  const asked: string[] = []
  const waiting: { id: string; done(r: Result<Article>): void }[] = []
  return {
    asked,
    fetchArticle: ({ id }) => {
      asked.push(id)
      return new Promise((done) => waiting.push({ id, done }))
    },
    answer: (id, headline) => {
      for (const w of waiting.splice(0).filter((x) => x.id === id)) {
        w.done({ ok: true, value: { id, headline } as Article })
      }
    }
  }
}

describe('createArticleLoader', () => {
  it('hands the early fetch to the first load of the same article, without asking again', async () => {
    const lib = library()
    const loader = createArticleLoader(lib.fetchArticle)
    loader.prefetch('a')
    const loading = loader.load('a')
    lib.answer('a', 'Früh geladen')
    const result = await loading
    expect(result.ok && result.value.headline).toBe('Früh geladen')
    expect(lib.asked).toEqual(['a'])
  })

  it('asks the bridge again for a second load (a reload sees the library as it is now)', () => {
    const lib = library()
    const loader = createArticleLoader(lib.fetchArticle)
    loader.prefetch('a')
    void loader.load('a')
    void loader.load('a')
    expect(lib.asked).toEqual(['a', 'a'])
  })

  it('drops an early fetch for another article and fetches the one asked for', async () => {
    const lib = library()
    const loader = createArticleLoader(lib.fetchArticle)
    loader.prefetch('a')
    const loading = loader.load('b')
    lib.answer('b', 'Das andere')
    const result = await loading
    expect(result.ok && result.value.id).toBe('b')
    expect(lib.asked).toEqual(['a', 'b'])
    // The early one is gone: a later load of `a` asks again.
    void loader.load('a')
    expect(lib.asked).toEqual(['a', 'b', 'a'])
  })

  it('loads without any early fetch', () => {
    const lib = library()
    void createArticleLoader(lib.fetchArticle).load('c')
    expect(lib.asked).toEqual(['c'])
  })
})
