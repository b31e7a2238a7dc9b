/**
 * One request awaiting the owner's decision: who asks, for which port, why, and for how long —
 * with Approve, and Reject which asks for the reason the requester will read.
 */
import { useId } from 'react';
import type { Agreement } from './access-types.js';
import { FirstDay, LastDay, ProductPort } from './agreement-parts.js';
import { NoteStep, StepButton } from './step-controls.js';

export function InboxRequestCard(props: {
  readonly request: Agreement;
  readonly onDone: (decided: Agreement) => void;
}) {
  const { request, onDone } = props;
  const titleId = useId();
  return (
    <article className="request-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {request.principalId} asks for {request.productId}
      </h3>
      <dl className="facts wide">
        <div>
          <dt>Requester</dt>
          <dd>{request.principalId}</dd>
        </div>
        <div>
          <dt>Port</dt>
          <dd>
            <ProductPort agreement={request} />
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <FirstDay agreement={request} />
          </dd>
        </div>
        <div>
          <dt>Through</dt>
          <dd>
            <LastDay agreement={request} />
          </dd>
        </div>
        <div>
          <dt>Requested</dt>
          <dd>
            <time dateTime={request.requestedAt}>{request.requestedAt.slice(0, 16).replace('T', ' ')} UTC</time>
          </dd>
        </div>
      </dl>
      <p className="purpose">
        <span className="muted">Purpose: </span>
        {request.purpose}
      </p>
      <div className="form-actions">
        <StepButton agreement={request} step="approve" onDone={onDone}>
          Approve
        </StepButton>
        <NoteStep
          agreement={request}
          step="reject"
          openLabel="Reject"
          noteLabel="Reason for rejecting (the requester reads it)"
          submitLabel="Reject request"
          required="Say why you reject the request: the requester reads it."
          onDone={onDone}
        />
      </div>
    </article>
  );
}
