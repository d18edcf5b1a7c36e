import { Component, createElement, type ComponentType, type FunctionComponent } from 'preact';

/**
 * A component drawn again only when a prop changed (what preact/compat's memo does). Not compat's
 * own: loading preact/compat changes how every input's onChange fires, on the whole page.
 */
export function pure<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const before = this.props as Record<string, unknown>;
      const after = next as Record<string, unknown>;
      const keys = Object.keys(after);
      return keys.length !== Object.keys(before).length || keys.some((k) => before[k] !== after[k]);
    }

    override render(props: P) {
      return createElement(render, props);
    }
  };
}
