/**
 * The buttons that move a request or an agreement on: one-click steps (approve, cancel) and steps
 * that take a note (reject, which must say why; revoke, which may). Each names what it acts on for
 * screen readers ("Approve ana's request for sales.orders"), since a list holds many of them, and
 * shows the API's refusal (message and code) beside itself.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LoadError } from '../components/query-status.js';
import { useAgreementStep } from './access-api.js';
import type { Agreement, AgreementStep } from './access-types.js';

interface StepProps {
  readonly agreement: Agreement;
  /** Told when the step was taken, with the agreement as it is now. */
  readonly onDone?: (agreement: Agreement) => void;
}

/** What a button acts on, read after its verb: "Approve | ana's request for sales.orders". */
function subject(agreement: Agreement, step: AgreementStep): string {
  const port = `${agreement.productId} (${agreement.port} v${agreement.major})`;
  if (step === 'cancel') return `for ${port}`;
  return `${agreement.principalId}'s ${step === 'revoke' ? 'agreement on' : 'request for'} ${port}`;
}

export function StepButton({
  agreement,
  step,
  children,
  onDone,
}: StepProps & { readonly step: Extract<AgreementStep, 'approve' | 'cancel'>; readonly children: ReactNode }) {
  const mutation = useAgreementStep(onDone);
  return (
    <span className="step">
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate({ agreement, step })}>
        {children}
        <span className="visually-hidden"> {subject(agreement, step)}</span>
      </button>
      {mutation.isError && <LoadError error={mutation.error} />}
    </span>
  );
}

interface NoteStepProps extends StepProps {
  readonly step: Extract<AgreementStep, 'reject' | 'revoke'>;
  /** The button that opens the form: "Reject", "Revoke". */
  readonly openLabel: string;
  /** The note's label: "Reason for rejecting". */
  readonly noteLabel: string;
  readonly submitLabel: string;
  /** The message shown when the note is left empty; absent when the note is optional. */
  readonly required?: string;
}

export function NoteStep({ agreement, step, openLabel, noteLabel, submitLabel, required, onDone }: NoteStepProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useAgreementStep(onDone);
  const id = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Focus follows the form: into the note when it opens, back to its button when it closes.
  useEffect(() => {
    if (open) noteRef.current?.focus();
    else if (wasOpen.current) openRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button type="button" ref={openRef} onClick={() => setOpen(true)}>
        {openLabel}
        <span className="visually-hidden"> {subject(agreement, step)}</span>
      </button>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (required !== undefined && note.trim() === '') {
      setMissing(true);
      noteRef.current?.focus();
      return;
    }
    mutation.mutate({ agreement, step, note });
  };

  return (
    <form className="note-step" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-note`}>
        {noteLabel}
        {required === undefined && <span className="muted"> (optional)</span>}
      </label>
      <textarea
        id={`${id}-note`}
        ref={noteRef}
        value={note}
        rows={2}
        maxLength={2000}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => {
          setNote(event.target.value);
          if (event.target.value.trim() !== '') setMissing(false);
        }}
      />
      {missing && (
        <p id={`${id}-missing`} className="field-error">
          {required}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={mutation.isPending}>
          {submitLabel}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={mutation.isPending}>
          Don&apos;t {step}
        </button>
      </div>
      {mutation.isError && <LoadError error={mutation.error} />}
    </form>
  );
}
