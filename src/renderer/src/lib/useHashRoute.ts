import { useEffect, useState } from 'react'

export type Route = { name: 'library' } | { name: 'article'; id: string }

function parse(hash: string): Route {
  const match = /^#\/article\/([0-9a-f-]{36})$/.exec(hash)
  return match ? { name: 'article', id: match[1] } : { name: 'library' }
}

/** The current view from `location.hash`, so a reload comes back to the same screen. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash))
  useEffect(() => {
    const handleHashChange = (): void => setRoute(parse(window.location.hash))
    window.addEventListener('hashchange', handleHashChange)
    return () => window.removeEventListener('hashchange', handleHashChange)
  }, [])
  const navigate = (next: Route): void => {
    window.location.hash = next.name === 'article' ? `#/article/${next.id}` : '#/'
  }
  return [route, navigate]
}
