/**
 * Typing or deleting over a selection is applied by CodeMirror rather than by the browser's
 * editing engine. Chromium, replacing a selection that starts inside a highlighted token (select
 * all, then type), copies the token's colour into a `style` attribute on the line — even in
 * plain-text mode — which the portal's Content-Security-Policy refuses, logging an error on every
 * such keystroke. CodeMirror redraws the line anyway, so nothing else changes for the user.
 * Compositions (IME) are left to the browser: their events cannot be cancelled.
 */
import type { Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const HANDLED = new Set(['insertText', 'deleteContentBackward', 'deleteContentForward']);

export const selectionInput = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (!HANDLED.has(event.inputType) || view.composing) return false;
    if (view.state.selection.ranges.every((range) => range.empty)) return false;
    event.preventDefault();
    const text = event.inputType === 'insertText' ? (event.data ?? '') : '';
    const replace = (): Transaction =>
      view.state.update(view.state.replaceSelection(text), {
        userEvent: text ? 'input.type' : 'delete.selection',
        scrollIntoView: true,
      });
    // Input handlers (closing brackets around a selection…) see the text first, as they would
    // for native typing.
    const { from, to } = view.state.selection.main;
    const handled =
      text !== '' && view.state.facet(EditorView.inputHandler).some((h) => h(view, from, to, text, replace));
    if (!handled) view.dispatch(replace());
    return true;
  },
});
