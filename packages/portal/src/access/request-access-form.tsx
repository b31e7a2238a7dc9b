/**
 * The access request form: labelled fields, each mistake beside its field (and the first one
 * focused) when the form is sent, no request until the form is right, and the server's refusal
 * (message and code) above the button. Dates are UTC days; the start defaults to today.
 */
import { useId, useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { LoadError } from '../components/query-status.js';
import { utcDay } from './access-dates.js';
import type { AccessRequestBody, Agreement } from './access-types.js';
import { requestBody, validateRequestForm, type RequestForm, type RequestFormErrors } from './request-form.js';

export interface PortOption {
  readonly value: string;
  readonly label: string;
}

interface Props {
  readonly productId: string;
  readonly ports: readonly PortOption[];
  /** A port asked for in the URL; ignored unless it is one of `ports`. */
  readonly initialPort: string;
  readonly request: UseMutationResult<Agreement, Error, AccessRequestBody>;
}

const FIELDS = ['port', 'purpose', 'start', 'end'] as const;

export function RequestAccessForm({ productId, ports, initialPort, request }: Props) {
  const today = utcDay(new Date());
  const [form, setForm] = useState<RequestForm>(() => ({
    port: ports.some((p) => p.value === initialPort) ? initialPort : ports.length === 1 ? ports[0]!.value : '',
    purpose: '',
    start: today,
    end: '',
  }));
  // Mistakes show once the form has been sent, then follow every change.
  const [sent, setSent] = useState(false);
  const errors: RequestFormErrors = sent ? validateRequestForm(form, today) : {};
  const id = useId();

  const set = (field: keyof RequestForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(true);
    const found = validateRequestForm(form, today);
    const first = FIELDS.find((field) => found[field] !== undefined);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    request.mutate(requestBody(productId, form, new Date()));
  };

  // The props every field shares: its id, and its mistake announced with it.
  const field = (name: keyof RequestForm) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] !== undefined || undefined,
    'aria-describedby': [`${id}-${name}-hint`, errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' '),
  });
  const mistake = (name: keyof RequestForm) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    );

  return (
    <form className="request-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-port`}>Output port</label>
        <select {...field('port')} value={form.port} onChange={set('port')}>
          <option value="">Choose a port version</option>
          {ports.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <p id={`${id}-port-hint`} className="hint">
          An agreement covers one major version of one port.
        </p>
        {mistake('port')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>Purpose</label>
        <textarea {...field('purpose')} rows={3} value={form.purpose} onChange={set('purpose')} />
        <p id={`${id}-purpose-hint`} className="hint">
          What you will use the data for. The owners read it; it is kept in the audit log.
        </p>
        {mistake('purpose')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-start`}>Start date</label>
          <input type="date" {...field('start')} min={today} value={form.start} onChange={set('start')} />
          <p id={`${id}-start-hint`} className="hint">
            Today starts access as soon as it is approved.
          </p>
          {mistake('start')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>End date</label>
          <input type="date" {...field('end')} min={form.start || today} value={form.end} onChange={set('end')} />
          <p id={`${id}-end-hint`} className="hint">
            The last day of access (UTC days).
          </p>
          {mistake('end')}
        </div>
      </div>
      {request.isError && <LoadError error={request.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send request'}
        </button>
      </div>
    </form>
  );
}
