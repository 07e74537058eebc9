import { useEffect, useState } from 'react'

export type Route = { name: 'library' } | { name: 'assets' } | { name: 'article'; id: string }

/** The route an address's hash names (`#/article/ID`, `#/assets`, else the library). */
export function routeOf(hash: string): Route {
  const match = /^#\/article\/([0-9a-f-]{36})$/.exec(hash)
  if (match) return { name: 'article', id: match[1] }
  return hash === '#/assets' ? { name: 'assets' } : { name: 'library' }
}

/** The current view from `location.hash`, so a reload comes back to the same screen. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash))
  useEffect(() => {
    const handleHashChange = (): void => setRoute(routeOf(window.location.hash))
    window.addEventListener('hashchange', handleHashChange)
    return () => window.removeEventListener('hashchange', handleHashChange)
  }, [])
  const navigate = (next: Route): void => {
    window.location.hash =
      next.name === 'article' ? `#/article/${next.id}` : next.name === 'assets' ? '#/assets' : '#/'
  }
  return [route, navigate]
}
