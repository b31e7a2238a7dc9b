/**
 * A pipeline refers only to things that exist: upstream product ports (and their major
 * version), mesh.yaml connections, SQL files of its folder, its own inputs and steps, and
 * the output ports of its descriptor (MW3005, MW3013, MW3015, MW3016).
 */
import type { RuleContext, WorkspaceRule } from './rule-context.js';
import type { ReadProduct } from '../read-product.js';

export const pipelineReferences: WorkspaceRule = (ctx) => {
  for (const read of ctx.products) checkPipeline(ctx, read);
};

function checkPipeline(ctx: RuleContext, { product, pipelineSource: source }: ReadProduct): void {
  const pipeline = product.pipeline?.definition;
  if (!pipeline) return;
  const names = new Set<string>();
  const claim = (name: string, pointer: string): void => {
    if (names.has(name)) ctx.report('MW3015', source, pointer, `"${name}" is declared twice in the pipeline`);
    names.add(name);
  };

  (pipeline.inputs ?? []).forEach((input, i) => {
    const pointer = `/inputs/${i}`;
    claim(input.name, `${pointer}/name`);
    if (input.kind === 'product') {
      const upstream = ctx.productsById.get(input.product)?.product;
      if (!upstream) {
        ctx.report(
          'MW3005',
          source,
          `${pointer}/product`,
          `input "${input.name}" reads product "${input.product}", which does not exist`,
        );
        return;
      }
      const ports = upstream.outputPorts.filter((p) => p.name === input.port);
      if (ports.length === 0) {
        ctx.report(
          'MW3005',
          source,
          `${pointer}/port`,
          `product "${input.product}" has no output port "${input.port}"`,
        );
      } else if (input.majorVersion !== undefined && !ports.some((p) => p.major === input.majorVersion)) {
        const available = ports.map((p) => `v${p.major}`).join(', ');
        ctx.report(
          'MW3005',
          source,
          `${pointer}/majorVersion`,
          `port "${input.product}.${input.port}" has no major version ${input.majorVersion} (has ${available})`,
        );
      }
    } else if (input.kind === 'postgres') {
      if (!ctx.config?.connections?.[input.connection]) {
        ctx.report(
          'MW3005',
          source,
          `${pointer}/connection`,
          `input "${input.name}" uses connection "${input.connection}", which mesh.yaml does not declare`,
        );
      }
      if ((input.table === undefined) === (input.query === undefined)) {
        ctx.report('MW3005', source, pointer, `input "${input.name}" needs exactly one of "table" or "query"`);
      }
    }
  });

  pipeline.steps.forEach((step, i) => {
    const pointer = `/steps/${i}`;
    claim(step.name, `${pointer}/name`);
    if ((step.sql === undefined) === (step.query === undefined)) {
      ctx.report('MW3005', source, pointer, `step "${step.name}" needs exactly one of "sql" (a file) or "query"`);
    } else if (step.sql !== undefined && !ctx.paths.has(`${product.directory}/${step.sql}`)) {
      ctx.report(
        'MW3013',
        source,
        `${pointer}/sql`,
        `step "${step.name}" runs ${step.sql}, which is not in ${product.directory}`,
      );
    }
  });

  pipeline.outputs.forEach((output, i) => {
    const pointer = `/outputs/${i}`;
    if (!names.has(output.from)) {
      ctx.report(
        'MW3005',
        source,
        `${pointer}/from`,
        `output "${output.port}" is built from "${output.from}", which is neither an input nor a step`,
      );
    }
    const ports = product.outputPorts.filter((p) => p.name === output.port);
    if (ports.length === 0) {
      ctx.report(
        'MW3005',
        source,
        `${pointer}/port`,
        `output port "${output.port}" is not declared in product.odps.yaml`,
      );
    } else if (output.majorVersion !== undefined && !ports.some((p) => p.major === output.majorVersion)) {
      ctx.report(
        'MW3005',
        source,
        `${pointer}/majorVersion`,
        `output port "${output.port}" has no major version ${output.majorVersion}`,
      );
    }
  });

  if (pipeline.schedule !== undefined && !isCron(pipeline.schedule)) {
    ctx.report(
      'MW3016',
      source,
      '/schedule',
      `schedule "${pipeline.schedule}" is not a cron expression of 5 fields (or 6, with seconds first)`,
    );
  }
}

const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

/** A light syntactic check; the scheduler's cron library is the final judge at run time. */
function isCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  // Six fields put seconds first (croner's form): schedules shorter than a minute.
  return (
    (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f) || /^[A-Za-z,-]+$/.test(f))
  );
}
