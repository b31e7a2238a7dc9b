/**
 * The SQL editor: CodeMirror 6 with SQL highlighting (PostgreSQL's dialect, the closest to
 * DuckDB's), completion of keywords and of the relations and columns the viewer may query, and
 * Ctrl/Cmd-Enter to run. Tab is left to the browser, so keyboard users can leave the editor.
 *
 * The editor lives in a shadow root: CodeMirror injects its styles at run time, which the
 * portal's Content-Security-Policy (`style-src 'self'`) refuses as a `<style>` element in the
 * document, while a shadow root gets them as a constructed stylesheet (`adoptedStyleSheets`),
 * which the policy allows. The portal's CSS custom properties still inherit into it.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { editorSetup } from './editor-setup.js';
import { selectionInput } from './selection-input.js';

export interface SqlEditorProps {
  /** The editor's accessible name. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd-Enter. */
  readonly onRun: () => void;
  /** What to complete after `FROM`, `<schema>.` and `<alias>.`. */
  readonly schema: SQLNamespace;
  readonly placeholderText?: string;
}

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--muted)',
    borderRadius: '6px',
    backgroundColor: '#fff',
    fontSize: '0.95rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', maxHeight: '22rem' },
  '.cm-content, .cm-gutter': { minHeight: '8rem' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)' },
});

export function SqlEditor({ label, value, onChange, onRun, schema, placeholderText = '' }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());

  // Read by the editor's own callbacks, which are made once: always the latest props.
  const changed = useEffectEvent((text: string) => onChange(text));
  const runRequested = useEffectEvent(() => onRun());
  const initial = useEffectEvent(() => ({ value, schema, label, placeholderText }));

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const start = initial();
    // StrictMode mounts twice: a shadow root cannot be attached twice, so reuse it.
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: start.value,
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (runRequested(), true) }])),
          editorSetup,
          selectionInput,
          language.current.of(sql({ dialect: PostgreSQL, schema: start.schema, upperCaseKeywords: true })),
          placeholder(start.placeholderText),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': start.label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed(update.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: language.current.reconfigure(sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true })),
    });
  }, [schema]);

  // A value set from outside (history, a link, a relation picked) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="sql-editor" />;
}
