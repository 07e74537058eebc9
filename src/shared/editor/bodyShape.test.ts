import { describe, expect, it } from 'vitest'
import {
  articlePatchSchema,
  dateTimeProblem,
  defaultArticleFields,
  isValidTimeZone,
  type PmNode
} from '../article'
import { articlePatchProblem } from './articleCheck'
import {
  BODY_MARK_TYPES,
  BODY_MAX_DEPTH,
  BODY_NODE_TYPES,
  bodyDepth,
  bodyShapeIssue
} from './bodyShape'
import { bodyProblem, bodySchema } from './extensions'

/** A doc whose text sits `depth` levels down (doc = 1): nested block quotes around a paragraph. */
function nestedQuotes(depth: number): PmNode {
  let node: PmNode = { type: 'paragraph', content: [{ type: 'text', text: 'innen' }] }
  for (let i = 0; i < depth - 3; i++) node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
}

describe('the body shape check', () => {
  it('knows exactly the node and mark names of the editor schema', () => {
    expect([...BODY_NODE_TYPES].sort()).toEqual(Object.keys(bodySchema().nodes).sort())
    expect([...BODY_MARK_TYPES].sort()).toEqual(Object.keys(bodySchema().marks).sort())
  })

  it('accepts a body at the depth limit and refuses one level more', () => {
    const atLimit = nestedQuotes(BODY_MAX_DEPTH)
    expect(bodyDepth(atLimit)).toBe(BODY_MAX_DEPTH)
    expect(bodyShapeIssue(atLimit)).toBeNull()
    expect(bodyProblem(atLimit)).toBeNull()
    const tooDeep = nestedQuotes(BODY_MAX_DEPTH + 1)
    expect(bodyShapeIssue(tooDeep)?.message).toBe(
      `the body is nested more than ${BODY_MAX_DEPTH} levels deep`
    )
    expect(bodyProblem(tooDeep)).toContain('nested more than')
  })

  it('refuses 100,000 levels quickly, without overflowing the stack', () => {
    const started = Date.now()
    expect(bodyProblem(nestedQuotes(100_000))).toContain('nested more than 200 levels')
    expect(articlePatchSchema.safeParse({ body: nestedQuotes(100_000) }).success).toBe(false)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('names unknown node types and marks with where they are', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }
      ]
    }
    expect(articlePatchProblem({ body })).toEqual({
      field: 'body.content.0.content.0.marks.0.type',
      message: 'unknown mark "strike" (the editor knows link, bold, italic)'
    })
    expect(
      articlePatchProblem({ body: { type: 'doc', content: [{ type: 'codeBlock' }] } })
    ).toEqual({
      field: 'body.content.0.type',
      message: 'unknown node type "codeBlock" (not in the editor schema)'
    })
    expect(articlePatchProblem({ body: { type: 'paragraph' } })?.field).toBe('body')
    expect(
      articlePatchProblem({ body: { type: 'doc', content: [{ type: 'paragraph', junk: 1 }] } })
        ?.message
    ).toBe('unexpected key "junk" in a node')
  })

  it('leaves the content rules to the editor schema, in the same check', () => {
    // Known names, wrong place: text directly in the doc.
    const problem = articlePatchProblem({
      body: { type: 'doc', content: [{ type: 'text', text: 'lose' }] }
    })
    expect(problem?.field).toBe('body')
    expect(problem?.message).toMatch(/Invalid content for node doc/)
  })

  it('accepts every default field and a body the editor writes', () => {
    expect(articlePatchProblem(defaultArticleFields())).toBeNull()
  })
})

describe('time zones and timestamps', () => {
  it('accepts IANA zones Intl knows and refuses invented ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
    expect(articlePatchProblem({ timeZone: 'Mars/Olympus_Mons' })).toEqual({
      field: 'timeZone',
      message: '"Mars/Olympus_Mons" is not a time zone (use an IANA name like Europe/Berlin)'
    })
  })

  it('refuses dates the calendar does not have, with the reason', () => {
    expect(dateTimeProblem('2024-02-29T10:00:00+01:00')).toBeNull()
    expect(dateTimeProblem('2024-02-30T10:00:00+02:00')).toBe(
      'is not a calendar date (February 2024 has 29 days)'
    )
    expect(dateTimeProblem('2023-02-29T10:00:00Z')).toBe(
      'is not a calendar date (February 2023 has 28 days)'
    )
    expect(dateTimeProblem('1900-02-29T10:00:00Z')).toContain('has 28 days')
    expect(dateTimeProblem('2000-02-29T10:00:00Z')).toBeNull()
    expect(dateTimeProblem('2024-04-31T10:00:00Z')).toContain('April 2024 has 30 days')
    expect(dateTimeProblem('2024-13-01T10:00:00Z')).toBe('has no month 13')
    expect(dateTimeProblem('2024-05-02T24:00:00Z')).toBe('is not a time of day (24:00)')
    expect(dateTimeProblem('2024-05-02T14:30:60Z')).toContain('not a time of day')
  })

  it('refuses offsets no place uses and accepts the real extremes', () => {
    expect(dateTimeProblem('2024-01-01T10:00:00+99:99')).toBe(
      'has offset +99:99, which no place uses (offsets run from -12:00 to +14:00)'
    )
    expect(dateTimeProblem('2024-01-01T10:00:00+14:01')).toContain('no place uses')
    expect(dateTimeProblem('2024-01-01T10:00:00-12:30')).toContain('no place uses')
    expect(dateTimeProblem('2024-01-01T10:00:00+14:00')).toBeNull()
    expect(dateTimeProblem('2024-01-01T10:00:00-12:00')).toBeNull()
    expect(dateTimeProblem('2024-01-01T10:00:00+05:45')).toBeNull()
  })

  it('wants seconds in stored timestamps; the CLI may leave them out', () => {
    expect(dateTimeProblem('2024-05-02T14:30+02:00')).toContain('ISO-8601')
    expect(dateTimeProblem('2024-05-02T14:30+02:00', { secondsOptional: true })).toBeNull()
    expect(dateTimeProblem('2. Mai 2024', { secondsOptional: true })).toContain('ISO-8601')
    expect(articlePatchProblem({ embargoedUntil: '2024-02-30T10:00:00+02:00' })).toEqual({
      field: 'embargoedUntil',
      message: '"2024-02-30T10:00:00+02:00" is not a calendar date (February 2024 has 29 days)'
    })
  })
})
