/**
 * A modal dialog for the staff screens (confirm a payment, cancel a session): it takes the
 * focus when it opens (its first field or button), keeps Tab and Shift+Tab inside itself,
 * closes on Escape, and gives the focus back to what had it before (the button that opened
 * it) when it closes, if that is still on the page.
 */

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The elements of `root` that Tab can reach, in order. */
export function focusables(root: ParentNode | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled') && el.getAttribute('aria-hidden') !== 'true');
}

/** Props of a dialog. */
export interface DialogProps {
  /** the dialog's accessible name */
  label: string;
  onClose: () => void;
  testId?: string;
  children: ComponentChildren;
}

/** A modal dialog over the page (see the module header). */
export function Dialog({ label, onClose, testId, children }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (focusables(box.current)[0] ?? box.current)?.focus();
    return () => {
      if (opener?.isConnected && !opener.hasAttribute('disabled')) opener.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusables(box.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return e.preventDefault();
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !box.current?.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !box.current?.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="dialog-backdrop">
      <div ref={box} class="dialog" role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} data-testid={testId} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
