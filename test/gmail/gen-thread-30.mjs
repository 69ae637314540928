#!/usr/bin/env node
/**
 * Writes test/fixtures/gmail/thread-30.html: a 30-message Gmail thread (every message expanded, as after
 * "Expand all", each reply carrying Gmail's trimmed quote of the previous one) for the reader's tests and the
 * benchmark. Run once: `node test/gmail/gen-thread-30.mjs`; the HTML is committed.
 *
 * The markup helpers are exported: they are the template the other, hand-written fixtures follow (Gmail's real
 * class names: `a98 iY` thread wrapper, `h2.hP`, `h7`/`kv` list items, `adn ads` card, `span.gD`, `span.g2`,
 * `span.g3[title]`, `div.ii.gt > div.a3s`). Everything is fictional.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REP = { name: 'Alex Rivera', email: 'alex.rivera@brightpath.io' };

/** Escapes text for HTML text and double-quoted attributes. */
export function esc(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\u202F/g, '&#8239;')
    .replace(/\u00A0/g, '&nbsp;');
}

/**
 * Gmail's date tooltip for a wall-clock time, as Chrome renders it in each UI language. en-US puts U+202F
 * (narrow no-break space) before AM/PM.
 */
export function gmailDate(locale, [y, m, d, h, min], { at = false } = {}) {
  const date = new Date(Date.UTC(y, m - 1, d, h, min));
  const twoDigitHour = locale === 'de' || locale === 'fr' || locale === 'en-GB';
  const f = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: twoDigitHour ? '2-digit' : 'numeric',
    minute: '2-digit',
    hour12: locale === 'en-US',
    timeZone: 'UTC',
  });
  let s = f.format(date).replace(/ (AM|PM)$/, '\u202F$1');
  if (at) s = s.replace(/, (\d{1,2}:\d{2})/, ' at $1');
  return s;
}

/** The short date Gmail prints next to the sender (the tooltip holds the full one). */
export function shortDate(locale, [y, m, d, h, min]) {
  const date = new Date(Date.UTC(y, m - 1, d, h, min));
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Gmail's two ids for a message sent at that time: `#msg-f:<decimal>` and the legacy hex of the same number. */
export function messageIds([y, m, d, h, min], salt) {
  const ms = BigInt(Date.UTC(y, m - 1, d, h, min));
  const low = BigInt((salt * 2654435761) % 1048576);
  const n = (ms << 20n) | low;
  return { messageId: `#msg-f:${n.toString(10)}`, legacyId: n.toString(16), threadPermId: `thread-f:${n.toString(10)}` };
}

const AVATAR_COLORS = ['#7986cb', '#4db6ac', '#f06292', '#9575cd', '#ffb74d', '#4fc3f7', '#aed581', '#e57373'];

function initials(name) {
  const letters = [...String(name).replace(/[^\p{L}\s]/gu, '').trim()].filter((c) => c !== ' ');
  const words = String(name).replace(/[^\p{L}\s]/gu, '').trim().split(/\s+/);
  if (words.length >= 2 && words[0] && words[words.length - 1]) return (words[0][0] + words[words.length - 1][0]).toUpperCase();
  return (letters[0] ?? '?').toUpperCase();
}

function avatar(person, i) {
  const color = AVATAR_COLORS[i % AVATAR_COLORS.length];
  return `<div class="aju"><div class="aFg"></div><div class="ajn bofPge" aria-hidden="true" style="background:${color}">${esc(initials(person.name || person.email))}</div></div>`;
}

/** The sender chip: `name` attribute unless `noName`; the text is `text` or the name. */
function senderChip(p) {
  const nameAttr = p.noName ? '' : ` name="${esc(p.name)}"`;
  return `<span email="${esc(p.email)}"${nameAttr} data-hovercard-id="${esc(p.email)}" class="gD"><span>${esc(p.text ?? p.name)}</span></span>`;
}

/** A recipient chip; `label` is what Gmail prints ("me", a first name). */
function recipientChip(p) {
  const nameAttr = p.noName ? '' : ` name="${esc(p.name)}"`;
  return `<span dir="ltr" email="${esc(p.email)}"${nameAttr} data-hovercard-id="${esc(p.email)}" class="g2">${esc(p.label ?? p.name)}</span>`;
}

/**
 * One expanded message (list item `h7`, card `adn ads`). `ui` holds the UI-language words ("to", "Reply"…).
 * `ids` may omit either id.
 */
export function expandedMessage({ id, from, to = [], cc = [], tooltip, visibleDate, bodyHtml, ui, index = 0, ids }) {
  const idAttrs = [
    ids.messageId ? `data-message-id="${esc(ids.messageId)}"` : '',
    ids.legacyId ? `data-legacy-message-id="${esc(ids.legacyId)}"` : '',
  ].filter(Boolean).join(' ');
  const recipients = [...to, ...cc].map(recipientChip).join(', ');
  return `
      <div class="h7 ie nH oy8Mbf" role="listitem" aria-expanded="true" tabindex="-1">
        <div class="Bk"><div class="G3 G2"><div>
          <div id=":${id}" class="adn ads" ${idAttrs}>
            ${avatar(from, index)}
            <div class="gs">
              <div class="gE iv gt">
                <table cellpadding="0" class="cf gJ"><tbody>
                  <tr class="acZ">
                    <td class="gF gK"><table cellpadding="0" class="cf ix"><tbody><tr><td class="c2"><h3 class="iw"><span class="qu" role="gridcell" tabindex="-1">${senderChip(from)} <span class="go"><span aria-hidden="true">&lt;</span>${esc(from.email)}<span aria-hidden="true">&gt;</span></span></span></h3></td></tr></tbody></table></td>
                    <td class="gH bAk"><div class="gK"><span></span><span id=":${id}d" class="g3" title="${esc(tooltip)}" alt="${esc(tooltip)}" role="gridcell" tabindex="-1">${esc(visibleDate)}</span><div class="zd bi4" aria-label="${esc(ui.notStarred)}" role="checkbox" aria-checked="false" tabindex="0"><span class="T-KT"></span></div></div></td>
                    <td class="gH acX bAm" rowspan="2"><div class="T-I J-J5-Ji T-I-Js-IF aaq T-I-ax7 L3" role="button" tabindex="0" aria-label="${esc(ui.reply)}" data-tooltip="${esc(ui.reply)}">&#8617;</div><div class="T-I J-J5-Ji T-I-Js-Gs aap T-I-awG T-I-ax7 L3" role="button" tabindex="0" aria-label="${esc(ui.more)}" data-tooltip="${esc(ui.more)}">&#8942;</div></td>
                  </tr>
                  <tr class="acZ xD"><td colspan="3"><table cellpadding="0" class="cf adz"><tbody><tr><td class="ady"><div class="iw ajw"><span class="hb">${esc(ui.to)} ${recipients}</span><div class="ajy" role="button" tabindex="0" aria-label="${esc(ui.details)}" data-tooltip="${esc(ui.details)}">&#9662;</div></div></td></tr></tbody></table></td></tr>
                </tbody></table>
              </div>
              <div class=""><div class="aHl"></div><div id=":${id}b" tabindex="-1"></div>
                <div id=":${id}c" class="ii gt"><div id=":${id}e" class="a3s aiL ">${bodyHtml}<div class="yj6qo"></div><div class="adL"></div></div></div>
                <div class="hi"></div>
              </div>
            </div>
          </div>
        </div></div></div>
      </div>`;
}

/** One collapsed message (list item `kv`, header card `adf ads`): sender, date and snippet only. */
export function collapsedMessage({ id, from, tooltip, visibleDate, snippet, index = 0, ids }) {
  const idAttrs = [
    ids.messageId ? `data-message-id="${esc(ids.messageId)}"` : '',
    ids.legacyId ? `data-legacy-message-id="${esc(ids.legacyId)}"` : '',
  ].filter(Boolean).join(' ');
  return `
      <div class="kv" role="listitem" aria-expanded="false" tabindex="-1">
        <div class="Bk"><div class="G3 G2"><div>
          <div id=":${id}" class="adf ads" ${idAttrs}>
            ${avatar(from, index)}
            <div class="gs"><div class="gE hI">
              <table cellpadding="0" class="cf gJ"><tbody>
                <tr class="acZ">
                  <td class="gF gK"><table cellpadding="0" class="cf ix"><tbody><tr><td class="c2"><h3 class="iw gFxsud"><span class="qu" role="gridcell" tabindex="-1">${senderChip(from)}</span></h3></td></tr></tbody></table></td>
                  <td class="gH"><div class="gK"><span id=":${id}d" class="g3" title="${esc(tooltip)}" alt="${esc(tooltip)}" role="gridcell" tabindex="-1">${esc(visibleDate)}</span></div></td>
                </tr>
                <tr class="acZ xD"><td colspan="3"><div class="iA g6"><span>${esc(snippet)}</span></div></td></tr>
              </tbody></table>
            </div></div>
          </div>
        </div></div></div>
      </div>`;
}

/** One row of the mailbox list (`tr.zA`), as in the inbox and next to a preview pane. */
export function listRow({ from, subject, snippet, tooltip, visibleDate, unread = false, selected = false, threadIds }) {
  const cls = ['zA', unread ? 'zE' : 'yO', selected ? 'aps x7' : ''].filter(Boolean).join(' ');
  return `
          <tr class="${cls}" role="row" tabindex="-1" draggable="true">
            <td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"></div></td>
            <td class="apU xY" role="gridcell"><span class="aXw T-KT" aria-label="Not starred" role="button"></span></td>
            <td class="yX xY" role="gridcell"><div class="afn">${esc(from.name)}, </div><div class="yW"><span class="bA4"><span email="${esc(from.email)}" name="${esc(from.name)}" data-hovercard-id="${esc(from.email)}" class="${unread ? 'zF' : 'yP'}">${esc(from.name)}</span></span></div></td>
            <td class="xY a4W" role="gridcell"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-thread-id="#${esc(threadIds.threadPermId)}" data-legacy-thread-id="${esc(threadIds.legacyId)}" data-legacy-last-message-id="${esc(threadIds.legacyId)}">${esc(subject)}</span></span></div><span class="y2"> - ${esc(snippet)}</span></div></div></td>
            <td class="xW xY" role="gridcell"><span title="${esc(tooltip)}" aria-label="${esc(visibleDate)}"><span>${esc(visibleDate)}</span></span></td>
          </tr>`;
}

/** UI words per Gmail interface language. */
export const UI = {
  en: {
    lang: 'en', to: 'to', me: 'me', reply: 'Reply', forward: 'Forward', more: 'More', details: 'Show details', notStarred: 'Not starred',
    account: 'Google Account', inbox: 'Inbox', starred: 'Starred', snoozed: 'Snoozed', sent: 'Sent', drafts: 'Drafts', compose: 'Compose',
    search: 'Search mail', back: 'Back to Inbox', archive: 'Archive', spam: 'Report spam', delete: 'Delete', unread: 'Mark as unread', snooze: 'Snooze', mainMenu: 'Main menu',
  },
  de: {
    lang: 'de', to: 'an', me: 'mich', reply: 'Antworten', forward: 'Weiterleiten', more: 'Mehr', details: 'Details anzeigen', notStarred: 'Nicht markiert',
    account: 'Google-Konto', inbox: 'Posteingang', starred: 'Markiert', snoozed: 'Zurückgestellt', sent: 'Gesendet', drafts: 'Entwürfe', compose: 'Schreiben',
    search: 'In E-Mails suchen', back: 'Zurück zu „Posteingang“', archive: 'Archivieren', spam: 'Spam melden', delete: 'Löschen', unread: 'Als ungelesen markieren', snooze: 'Zurückstellen', mainMenu: 'Hauptmenü',
  },
  fr: {
    lang: 'fr', to: 'à', me: 'moi', reply: 'Répondre', forward: 'Transférer', more: 'Plus', details: 'Afficher les détails', notStarred: 'Non suivi',
    account: 'Compte Google\u202F', inbox: 'Boîte de réception', starred: 'Messages suivis', snoozed: 'En attente', sent: 'Messages envoyés', drafts: 'Brouillons', compose: 'Nouveau message',
    search: 'Rechercher dans les messages', back: 'Retour à Boîte de réception', archive: 'Archiver', spam: 'Signaler comme spam', delete: 'Supprimer', unread: 'Marquer comme non lu', snooze: 'Mettre en attente', mainMenu: 'Menu principal',
  },
  es: {
    lang: 'es', to: 'para', me: 'mí', reply: 'Responder', forward: 'Reenviar', more: 'Más', details: 'Mostrar detalles', notStarred: 'No destacado',
    account: 'Cuenta de Google', inbox: 'Recibidos', starred: 'Destacados', snoozed: 'Pospuestos', sent: 'Enviados', drafts: 'Borradores', compose: 'Redactar',
    search: 'Buscar en el correo', back: 'Volver a Recibidos', archive: 'Archivar', spam: 'Marcar como spam', delete: 'Eliminar', unread: 'Marcar como no leído', snooze: 'Posponer', mainMenu: 'Menú principal',
  },
};

export const CSS = `
  body{margin:0;font-family:"Google Sans",Roboto,Arial,sans-serif;font-size:14px;color:#1f1f1f;background:#f6f8fc}
  #gb{display:flex;align-items:center;gap:16px;height:64px;padding:0 16px}
  .gb_Oc{font-size:20px;color:#444;cursor:pointer}.gb_Pd{font-size:22px;color:#444;width:180px}
  .gb_xe{flex:1}.gb_ye{width:min(720px,100%);height:46px;border:0;border-radius:24px;background:#eaf1fb;padding:0 20px;font-size:16px}
  .gb_A{display:inline-flex;width:32px;height:32px;border-radius:50%;background:#0b57d0;color:#fff;align-items:center;justify-content:center;text-decoration:none;font-size:13px}
  .bkL{display:flex}.aeN{width:256px;flex:none;padding:0 0 8px}
  .T-I-KE{display:inline-block;margin:0 8px 16px;padding:18px 24px;border-radius:16px;background:#c2e7ff;font-weight:500;cursor:pointer}
  .aim{padding:4px 16px 4px 26px;border-radius:0 16px 16px 0;display:flex;justify-content:space-between;margin-right:8px}
  .aim.ain{background:#d3e3fd;font-weight:700}.aim a{color:inherit;text-decoration:none}
  .bkK{flex:1;min-width:0}
  [role=main]{background:#fff;border-radius:16px;margin:0 16px 16px 0;min-height:calc(100vh - 80px);overflow:hidden}
  .G-atb{display:flex;gap:4px;padding:8px 16px;border-bottom:1px solid #eceff1}
  .G-atb .T-I{padding:6px 10px;border-radius:4px;color:#444;font-size:13px;cursor:pointer}
  .ha{padding:20px 16px 8px 72px}.hP{font-size:22px;font-weight:400;margin:0;display:inline}.an1{width:20px;height:20px;vertical-align:middle}
  .h7,.kv{border-bottom:1px solid #eceff1}
  .adn,.adf{display:flex;padding:12px 16px}.kv .adf{cursor:pointer}
  .aju{width:56px;flex:none}
  .ajn{width:40px;height:40px;border-radius:50%;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:500}
  .gs{flex:1;min-width:0}table.cf{border-collapse:collapse;width:100%}
  h3.iw{margin:0;font-size:14px;font-weight:400}.gD{font-weight:700}.go{color:#5e5e5e;font-size:12px}
  .gH{text-align:right;vertical-align:top;white-space:nowrap}.g3{color:#5e5e5e;font-size:12px}
  .zd,.aaq,.aap{display:inline-block;margin-left:8px;color:#5e5e5e;cursor:pointer}
  .hb{color:#5e5e5e;font-size:12px}.ajy{display:inline-block;margin-left:4px;color:#5e5e5e}
  .a3s{padding:12px 0;line-height:1.5;font-size:14px}
  .iA.g6{color:#5e5e5e;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:760px}
  .gmail_quote,blockquote{color:#5e5e5e}blockquote{margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex}
  .h5{display:none}.ajR{display:inline-block;background:#e8eaed;border-radius:6px;padding:0 6px;cursor:pointer}
  .amn{padding:16px 72px}.ams{display:inline-block;border:1px solid #747775;border-radius:18px;padding:8px 20px;margin-right:8px;color:#444;cursor:pointer}
  table.F{border-collapse:collapse;width:100%}tr.zA{border-bottom:1px solid #eceff1;height:40px;cursor:pointer}tr.zE{font-weight:700}tr.x7{background:#c2dbff}
  tr.zA td{padding:0 8px;white-space:nowrap}.a4W{width:100%;max-width:1px;overflow:hidden}.xT{overflow:hidden;text-overflow:ellipsis}.y6{display:inline}.y2{color:#5e5e5e;font-weight:400}
  .xW{text-align:right;font-size:12px}.afn{display:none}
  .Nm{display:flex}.aia-list{flex:1;min-width:0;border-right:1px solid #eceff1}.apN{flex:1;min-width:0}
`;

/** The Gmail shell around a main pane: Google bar with the account button, left navigation, toolbar. */
export function page({ url, title, ui, account = REP, main, unread = 3, toolbar = 'thread', comment }) {
  const accountLabel = `${ui.account}: ${account.name}\n(${account.email})`;
  const tb =
    toolbar === 'thread'
      ? [ui.back, ui.archive, ui.spam, ui.delete, ui.unread, ui.snooze]
      : [ui.archive, ui.spam, ui.delete, ui.unread, ui.snooze];
  return `<!DOCTYPE html>
<!-- url: ${url} -->
<!-- ${comment ?? 'Resourceful test fixture: a static, hand-made snapshot of a Gmail page (fictional people and companies).'} -->
<html lang="${ui.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="nH" id="app">
  <header id="gb" class="gb_Sa gb_2a" role="banner">
    <div class="gb_Ec"><span class="gb_Oc" role="button" tabindex="0" aria-label="${esc(ui.mainMenu)}">&#9776;</span></div>
    <span class="gb_Pd">Gmail</span>
    <form class="gb_xe" role="search" onsubmit="return false"><input class="gb_ye" aria-label="${esc(ui.search)}" placeholder="${esc(ui.search)}" name="q" autocomplete="off"></form>
    <div class="gb_Ld"><a class="gb_A gb_Za gb_Z" aria-label="${esc(accountLabel).replace(/\n/g, '&#10;')}" href="https://accounts.google.com/SignOutOptions?hl=${ui.lang}&amp;continue=https://mail.google.com/mail/&amp;service=mail" role="button" tabindex="0"><span class="gb_Q gbii">${esc(initials(account.name))}</span></a></div>
  </header>
  <div class="nH bkL">
    <div class="aeN" role="navigation">
      <div class="T-I T-I-KE L3" role="button" tabindex="0" gh="cm">${esc(ui.compose)}</div>
      <div class="TK">
        <div class="aim ain"><a href="#inbox" class="J-Ke n0" aria-label="${esc(ui.inbox)} ${unread}">${esc(ui.inbox)}</a><span class="bsU">${unread}</span></div>
        <div class="aim"><a href="#starred" class="J-Ke n0">${esc(ui.starred)}</a></div>
        <div class="aim"><a href="#snoozed" class="J-Ke n0">${esc(ui.snoozed)}</a></div>
        <div class="aim"><a href="#sent" class="J-Ke n0">${esc(ui.sent)}</a></div>
        <div class="aim"><a href="#drafts" class="J-Ke n0">${esc(ui.drafts)}</a></div>
      </div>
    </div>
    <div class="nH bkK">
      <div class="nH ar4 z" role="main">
        <div class="G-atb" gh="mtb">${tb.map((t) => `<div class="T-I J-J5-Ji" role="button" tabindex="0" aria-label="${esc(t)}" data-tooltip="${esc(t)}">${esc(t)}</div>`).join('')}</div>
${main}
      </div>
    </div>
  </div>
</div>
</body>
</html>
`;
}

/** The thread view: subject heading, message list, reply bar. `wrapper` picks the Gmail generation. */
export function threadView({ subject, subjectHtml, threadAttrs = '', messagesHtml, ui, wrapper = 'a98' }) {
  const open = wrapper === 'a98' ? '<div class="a98 iY">' : wrapper === 'if' ? '<div class="nH if">' : '<div class="nH iY">';
  return `        ${open}
          <div class="nH V8djrc byY"><div class="nH"><div class="ha"><h2 class="hP" id=":1s" ${threadAttrs}>${subjectHtml ?? esc(subject)}</h2></div></div></div>
          <div class="nH aHU"><div class="nH hx"><div role="list">${messagesHtml}
          </div></div></div>
          <div class="amn"><span class="ams bkH" role="link" tabindex="0">${esc(ui.reply)}</span><span class="ams bkG" role="link" tabindex="0">${esc(ui.forward)}</span></div>
        </div>`;
}

// ---------------------------------------------------------------------------------------------------------------
// thread-30.html

const NADIA = { name: 'Nadia Petrov', email: 'nadia.petrov@fernhollow.com' };
const NADIA_TO = { ...NADIA, label: 'Nadia' };
const ME = { ...REP, label: 'me' };

const TOPICS = [
  ['pipeline stages', 'We agreed to keep five stages and drop "Qualified-2".'],
  ['lead import', 'The 4,212 legacy leads imported cleanly; 37 duplicates were merged.'],
  ['call logging', 'Reps logged 61% of calls this week, up from 44%.'],
  ['email templates', 'The three follow-up templates are live for the Riverside team.'],
  ['territory rules', 'North and East territories now route by ZIP prefix.'],
  ['dashboard', 'The weekly dashboard shows stage age and next steps per rep.'],
];

function threadMessage(i) {
  // From Mon Jan 12, 2026, about two messages a week, at varying hours.
  const day = new Date(Date.UTC(2026, 0, 12));
  day.setUTCDate(day.getUTCDate() + Math.floor(i * 2.6));
  const when = [2026, day.getUTCMonth() + 1, day.getUTCDate(), 8 + (i % 9), (i * 7) % 60];
  // Alternating, Nadia first; she also sends the last one.
  const fromNadia = i % 2 === 0 || i === 29;
  const from = fromNadia ? NADIA : REP;
  const [topic, fact] = TOPICS[i % TOPICS.length];
  const week = Math.floor(i / 2) + 1;
  const body = fromNadia
    ? `<div dir="ltr"><div>Hi Alex,</div><div><br></div><div>Week ${week} check-in on ${esc(topic)}: ${esc(fact)}</div><div><br></div><div>Open question ${i + 1}: can we move the ${esc(topic)} review to Thursday so the Riverside managers can join?</div><div><br></div><div>Thanks,</div><div>Nadia</div></div>`
    : `<div dir="ltr"><div>Hi Nadia,</div><div><br></div><div>Thanks for the update on ${esc(topic)}. Thursday works; I will bring the numbers for message ${i + 1}.</div><ul><li>Keep the ${esc(topic)} checklist in the shared folder</li><li>Flag anything blocking before Wednesday noon</li></ul><div>Best,</div><div>Alex</div></div>`;
  return { i, when, from, body };
}

export function buildThread30() {
  const token = 'FMfcgzQcqJtNwVbXzRsLmKpHgFdSwQtZ';
  const url = `https://mail.google.com/mail/u/0/#inbox/${token}`;
  const ui = UI.en;
  const subject = 'Q1 rollout — weekly check-ins';
  const msgs = Array.from({ length: 30 }, (_, i) => threadMessage(i));
  const first = messageIds(msgs[0].when, 1);
  let html = '';
  msgs.forEach((m, i) => {
    const ids = messageIds(m.when, i + 1);
    const tooltip = gmailDate('en-US', m.when);
    let bodyHtml = m.body;
    if (i > 0) {
      const prev = msgs[i - 1];
      const attr = `On ${gmailDate('en-US', prev.when, { at: true }).replace('\u202F', ' ')} ${prev.from.name} &lt;<a href="mailto:${prev.from.email}">${prev.from.email}</a>&gt; wrote:`;
      bodyHtml += `<div class="adm"><div id="q_${i}" class="ajR h4" role="button" tabindex="0" aria-label="Show trimmed content" data-tooltip="Show trimmed content"><div class="ajT">&#8230;</div></div></div><div class="h5"><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">${attr}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${prev.body}</blockquote></div></div>`;
    }
    html += expandedMessage({
      id: `m${i}`,
      from: m.from,
      to: m.from === NADIA ? [ME] : [NADIA_TO],
      tooltip,
      visibleDate: `${shortDate('en-US', m.when)}`,
      bodyHtml,
      ui,
      index: m.from === NADIA ? 0 : 1,
      ids,
    });
  });
  const main = threadView({
    subject,
    threadAttrs: `data-thread-perm-id="${first.threadPermId}" data-legacy-thread-id="${first.legacyId}"`,
    messagesHtml: html,
    ui,
  });
  return page({ url, title: `${subject} - ${REP.email} - Gmail`, ui, main, unread: 0 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'gmail', 'thread-30.html');
  writeFileSync(out, buildThread30());
  console.log(`wrote ${out}`);
}
