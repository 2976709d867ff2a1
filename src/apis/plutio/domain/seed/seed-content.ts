import type { JsonObject } from '../json.js';
import type { SeedContext } from './context.js';
import type { BusinessProfile } from './profiles.js';
import { seedBlock } from './seed-blocks.js';
import type { OrgRefs } from './seed-org.js';
import type { WorkRefs } from './seed-work.js';

function seedWiki(ctx: SeedContext, p: BusinessProfile, work: WorkRefs): void {
  const handbook = ctx.add('wiki', {
    title: `${p.name} handbook`,
    description: 'How we work.',
    color: '#2f80ed',
    index: 0,
  });
  const page = (wiki: JsonObject, parentId: unknown, title: string, index: number, text: string) => {
    const entity = ctx.add('wiki-entities', {
      wikiId: wiki._id,
      parentId,
      title,
      type: 'page',
      status: 'published',
      index,
      position: index,
    });
    seedBlock(ctx, 'wiki-page', entity._id, 'content', 0, text);
    return entity;
  };
  const start = ctx.add('wiki-entities', {
    wikiId: handbook._id,
    parentId: handbook._id,
    title: 'Getting started',
    type: 'category',
    status: 'published',
    index: 0,
    position: 0,
  });
  page(handbook, start._id, 'Welcome', 0, `Welcome to ${p.name}.`);
  page(handbook, start._id, 'Tools we use', 1, 'Plutio for projects, invoices and time tracking.');
  page(handbook, handbook._id, 'Holidays and time off', 1, 'Book time off two weeks ahead.');
  const project = work.projects[0] as JsonObject;
  const docs = ctx.add('wiki', {
    title: `${project.name} docs`,
    entityType: 'project',
    entityId: project._id,
    index: 1,
  });
  page(docs, docs._id, 'Project brief', 0, `Goals of ${project.name}.`);
}

function seedFiles(ctx: SeedContext, work: WorkRefs): void {
  const project = work.projects[0] as JsonObject;
  const folder = (title: string, parentFolderId: unknown, position: number) =>
    ctx.add('file-folders', {
      title,
      entityType: 'project',
      entityId: project._id,
      projectId: project._id,
      parentFolderId,
      position,
    });
  const assets = folder('Design assets', null, 0);
  const contracts = folder('Contracts', null, 1);
  const logos = folder('Logos', assets._id, 0);
  const file = (title: string, folderId: unknown, position: number, mimeType: string, size: number) => {
    const handle = ctx.ids.next();
    ctx.add('files', {
      title,
      folderId,
      position,
      type: 'file',
      handle,
      url: `https://files.plutio.example/${handle}/${title}`,
      mimeType,
      size,
      entityType: 'project',
      entityId: project._id,
      linkedEntities: [],
    });
  };
  file('moodboard.pdf', assets._id, 0, 'application/pdf', 2_450_112);
  file('homepage-v2.png', assets._id, 1, 'image/png', 845_337);
  file('logo-primary.svg', logos._id, 0, 'image/svg+xml', 12_004);
  file('signed-agreement.pdf', contracts._id, 0, 'application/pdf', 301_220);
  ctx.add('files', {
    title: 'Shared drive',
    folderId: null,
    position: 0,
    type: 'link',
    url: 'https://drive.example/acme',
    entityType: 'project',
    entityId: project._id,
  });
}

function seedForms(ctx: SeedContext, org: OrgRefs): void {
  const contact = ctx.add('forms', {
    title: 'Contact us',
    status: 'published',
    currency: 'EUR',
    customFields: [],
  });
  seedBlock(ctx, 'form', contact._id, 'form', 0, 'Tell us about your project.');
  const brief = ctx.add('forms', { title: 'Project brief', status: 'draft', submissionsLimit: 50, customFields: [] });
  seedBlock(ctx, 'form', brief._id, 'form', 0, 'Goals, budget and deadline.');
  org.clients.slice(0, 3).forEach((client, i) => {
    const name = client.name as JsonObject;
    const email = (client.contactEmails as JsonObject[])[0]?.address;
    ctx.add(
      'form-responses',
      {
        formId: contact._id,
        name: `${name.first} ${name.last}`,
        email,
        data: { message: ['New website', 'Logo update', 'SEO audit'][i], budget: (i + 1) * 5000 },
      },
      20 - i,
    );
  });
}

function seedCommunication(ctx: SeedContext, org: OrgRefs, work: WorkRefs): void {
  ctx.add('canned-responses', {
    title: 'Thanks for reaching out',
    descriptionHTML: '<p>Thanks! We will get back to you within one business day.</p>',
    categoryId: org.categories.general._id,
  });
  ctx.add('canned-responses', {
    title: 'Invoice reminder',
    descriptionHTML: '<p>A friendly reminder that your invoice is due.</p>',
    categoryId: org.categories.general._id,
  });
  ctx.add('inbox-groups', { title: 'Support', type: 'email', isActive: true });
  ctx.add('inbox-groups', { title: 'Team chat', type: 'messenger', isActive: true });
  work.projects.slice(0, 2).forEach((project, i) => {
    const conversation = ctx.add('conversations', {
      title: `${project.name} discussion`,
      entityType: 'project',
      entityId: project._id,
      members: [org.owner._id, (org.clients[i] as JsonObject)._id],
      type: 'group',
    });
    for (const text of ['Hi! Here is the first draft.', 'Thanks, we will review it today.']) {
      ctx.add('comments', {
        entityType: 'conversation',
        entityId: conversation._id,
        bodyPlain: text,
        bodyHTML: `<p>${text}</p>`,
        isNote: false,
        mentions: [],
      });
    }
  });
  work.projects.slice(0, 3).forEach((project, i) => {
    ctx.add('events', {
      title: ['Kick-off call', 'Design review', 'Sprint demo'][i],
      startDate: ctx.date(i * 3 + 2, 14),
      endDate: ctx.date(i * 3 + 2, 15),
      isAllDay: false,
      participants: [org.owner._id, (org.team[1] as JsonObject)._id],
      projectId: project._id,
      descriptionPlain: `Meeting about ${project.name}.`,
    });
  });
  ctx.add('notes', {
    title: 'Prefers e-mail',
    descriptionHTML: '<p>Reach out by e-mail, not phone.</p>',
    entityType: 'person',
    entityId: (org.clients[0] as JsonObject)._id,
  });
  ctx.add('notes', {
    title: 'Renewal in Q1',
    descriptionHTML: '<p>Contract renewal talks in Q1.</p>',
    entityType: 'company',
    entityId: (org.companies[0] as JsonObject)._id,
  });
  ctx.add('notes', {
    title: 'Payment terms',
    descriptionHTML: '<p>Net 30 agreed.</p>',
    entityType: 'company',
    entityId: (org.companies[1] as JsonObject)._id,
  });
}

/** Seeds wikis and pages, folders and files, forms and responses, conversations, events, notes and canned texts. */
export function seedContent(ctx: SeedContext, p: BusinessProfile, org: OrgRefs, work: WorkRefs): void {
  seedWiki(ctx, p, work);
  seedFiles(ctx, work);
  seedForms(ctx, org);
  seedCommunication(ctx, org, work);
}
