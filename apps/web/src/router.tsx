/**
 * History routing for a handful of pages: the API answers any non-API path with index.html, so
 * every URL here can be bookmarked and reloaded.
 */
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { signal, useSignal } from './signal';

const location = signal(window.location.pathname);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  location.set(window.location.pathname);
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => location.set(window.location.pathname));

export const usePath = (): string => useSignal(location);

/** The parameters of `pattern` ("/consultations/:id") in `path`, or null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of p.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(s[i]!);
    else if (part !== s[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ComponentChildren };

/** An ordinary link (works with a middle click, copy and keyboard) that routes in the page. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
