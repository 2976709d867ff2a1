import type { JsonObject } from '../json.js';
import { computeInvoiceTotals, formatInvoiceNumber } from '../rules/invoices.js';
import type { SeedContext } from './context.js';
import type { BusinessProfile } from './profiles.js';
import { seedBlocks } from './seed-blocks.js';
import type { OrgRefs } from './seed-org.js';
import type { WorkRefs } from './seed-work.js';

const INVOICE_STATES = ['paid', 'paid', 'pending', 'overdue', 'draft', 'pending'];

function lineItems(ctx: SeedContext, p: BusinessProfile, count: number): JsonObject[] {
  return Array.from({ length: count }, () => {
    const service = ctx.prng.pick(p.services);
    return {
      title: service.title,
      descriptionHTML: '',
      quantity: ctx.prng.int(1, 8),
      amount: service.amount,
      tax: p.taxRate,
    };
  });
}

/** Seeds the item catalogue, invoices, invoice subscriptions, proposals, contracts and templates. */
export function seedSales(ctx: SeedContext, p: BusinessProfile, org: OrgRefs, work: WorkRefs): void {
  const { prng } = ctx;
  for (const s of p.services) {
    ctx.add('items', {
      title: s.title,
      descriptionPlain: `${s.title} at the standard rate.`,
      amount: s.amount,
      quantity: 1,
      tax: p.taxRate,
    });
  }
  const invoices = INVOICE_STATES.map((status, i) => {
    const company = org.companies[i % org.companies.length] as JsonObject;
    const toPerson = i % 3 === 2;
    const client = toPerson
      ? { _id: (org.clients[i] as JsonObject)._id, entityType: 'person' }
      : { _id: company._id, entityType: 'company' };
    const issued = -prng.int(5, 120);
    const totals = computeInvoiceTotals(lineItems(ctx, p, prng.int(1, 3)), () => ctx.ids.next());
    return ctx.add(
      'invoices',
      {
        name: `Invoice for ${company.title}`,
        invoiceId: formatInvoiceNumber(ctx.counter('invoices')),
        client,
        projectId: (work.projects[i % work.projects.length] as JsonObject)._id,
        currency: p.currency,
        ...totals,
        amountPaid: status === 'paid' ? totals.amount : 0,
        status,
        issueDate: ctx.date(issued),
        dueDate: ctx.date(issued + 30),
        ...(status === 'paid' ? { paidAt: ctx.date(issued + prng.int(3, 25)) } : {}),
        reference: `PO-${2022}${String(i + 1).padStart(3, '0')}`,
        customFields: [],
      },
      -issued,
    );
  });
  org.companies.slice(0, 2).forEach((company, i) => {
    ctx.add('invoice-subscriptions', {
      title: `${i === 0 ? 'Monthly retainer' : 'Hosting plan'} – ${company.title}`,
      client: { _id: company._id, entityType: 'company' },
      currency: p.currency,
      amount: i === 0 ? 2500 : 49,
      repeat: { intervalType: i === 0 ? 'month' : 'year', interval: 1 },
      mainInvoiceId: (invoices[i] as JsonObject)._id,
      status: i === 0 ? 'active' : 'paused',
      startDate: ctx.date(-90),
      upcomingInvoiceDate: ctx.date(i === 0 ? 12 : 200),
      customFields: [],
    });
  });

  const proposal = (name: string, client: JsonObject, status: string, isTemplate: boolean) => {
    const items = lineItems(ctx, p, 2);
    const totals = computeInvoiceTotals(items, () => ctx.ids.next());
    const record = ctx.add('proposals', {
      name,
      client: { _id: client._id, entityType: 'company' },
      currency: p.currency,
      status,
      billableItems: totals.items,
      subTotal: totals.subTotal,
      amount: totals.amount,
      isTemplate,
      blocks: [],
    });
    record.blocks = seedBlocks(ctx, 'proposal', record._id, [
      ['intro', `Proposal: ${name}`],
      ['content', 'Scope, timeline and deliverables.'],
      ['signature'],
    ]);
    return record;
  };
  const first = proposal(`${p.projects[0]?.name} proposal`, org.companies[0] as JsonObject, 'accepted', false);
  proposal(`Follow-up work for ${org.companies[1]?.title}`, org.companies[1] as JsonObject, 'draft', false);
  const proposalTemplate = proposal('Standard proposal', org.companies[0] as JsonObject, 'draft', true);

  const contract = (name: string, signee: JsonObject, extra: JsonObject) => {
    const record = ctx.add('contracts', {
      name,
      signees: [{ _id: signee._id, entityType: 'person' }],
      status: 'draft',
      isTemplate: false,
      blocks: [],
      ...extra,
    });
    record.blocks = seedBlocks(ctx, 'contract', record._id, [['content', `Agreement: ${name}.`], ['signature']]);
    return record;
  };
  contract(`${p.projects[0]?.name} agreement`, org.clients[0] as JsonObject, {
    status: 'signed',
    entityType: 'proposal',
    entityId: first._id,
    projectId: (work.projects[0] as JsonObject)._id,
  });
  const contractTemplate = contract('Service agreement template', org.owner, { isTemplate: true });

  ctx.add('templates', {
    title: 'Service agreement',
    entityType: 'contract',
    entityId: contractTemplate._id,
    group: 'Contracts',
    isPublic: false,
    description: 'Standard terms.',
  });
  ctx.add('templates', {
    title: 'Standard proposal',
    entityType: 'proposal',
    entityId: proposalTemplate._id,
    group: 'Proposals',
    isPublic: false,
    description: 'Intro, scope and signature.',
  });
}
