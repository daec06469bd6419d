/**
 * Every code-of-conduct text Discreet shows, in one file: a new code version is one edit here.
 *
 * The explanations are Discreet's own words (never the code's sentences); each one cites the code,
 * the article number and the article's title as they appear in the source text
 * (/work/shared/codes/*.txt). `heading` and `anchor` let the unit tests check every citation
 * against that source (whitespace-normalised): `heading` is the section heading exactly as printed, `anchor` a short
 * phrase from the paragraph the article number points at.
 *
 * Register Loopbaanprofessional numbers its confidentiality rules 2.1.1 … 2.1.6 without titles of
 * their own; they carry the title of section 2.1 (Vertrouwelijkheid). The source's paragraphs in
 * order: 2.1.1 duty of confidentiality, 2.1.2 sharing with third parties, 2.1.3 the file,
 * 2.1.4 supervision/intervision anonymous, 2.1.5 breaking confidentiality, 2.1.6 groups.
 */

export type CodeId = 'lvsc' | 'rl';

export type Situation = 'public-post' | 'third-party' | 'message' | 'supervision';

interface Text {
  nl: string;
  en: string;
}

export interface CodeInfo {
  id: CodeId;
  /** Full name with version, for the settings and the "why" text. */
  name: Text;
  /** Short name used in citations: "<prefix> art. 5 (digitale ethiek)". */
  citationPrefix: Text;
  /** File name of the source text in shared/codes (checked by the unit tests). */
  sourceFile: string;
}

export interface ArticleText {
  code: CodeId;
  /** Article number as the code numbers it, e.g. '5', '3.1', '2.1.4'. */
  number: string;
  /** The section heading exactly as printed in the source (number and Dutch title). */
  heading: string;
  /** Article title: Dutch exactly as in the source; English is our translation. */
  title: Text;
  /** A phrase from the source paragraph this number refers to (for the source check only, never shown). */
  anchor: string;
  /** One sentence for the warning dialog. */
  short: Text;
  /** The "why this warning?" text. */
  full: Text;
}

export const CODES: Record<CodeId, CodeInfo> = {
  lvsc: {
    id: 'lvsc',
    name: { nl: 'LVSC-gedragscode 2026', en: 'LVSC code of conduct 2026' },
    citationPrefix: { nl: 'LVSC-code', en: 'LVSC code' },
    sourceFile: 'lvsc-2026.txt',
  },
  rl: {
    id: 'rl',
    name: {
      nl: 'Ethische gedragscode Register Loopbaanprofessional 2025',
      en: 'Register Loopbaanprofessional code of ethics 2025',
    },
    citationPrefix: { nl: 'Gedragscode Register Loopbaanprofessional', en: 'Register Loopbaanprofessional code' },
    sourceFile: 'register-loopbaanprofessional-2025.txt',
  },
};

export const ARTICLES: readonly ArticleText[] = [
  // ── LVSC 2026 ────────────────────────────────────────────────────────────────
  {
    code: 'lvsc',
    number: '2.1',
    heading: '2.1 Inhoud overeenkomst',
    title: { nl: 'Inhoud overeenkomst', en: 'Contents of the agreement' },
    anchor: 'welke informatie met de opdrachtgever wordt gedeeld',
    short: {
      nl: 'Wat u met een opdrachtgever deelt, hoort vooraf met uw cliënt in de overeenkomst te zijn afgesproken.',
      en: 'What you share with a commissioning organisation should be agreed with your client in the agreement beforehand.',
    },
    full: {
      nl: 'Bij de start van een traject legt u schriftelijk vast wat geheim blijft, wat u rapporteert en aan wie, en welke informatie een opdrachtgever krijgt. Staat deze informatie of deze ontvanger niet in die afspraken, dan is delen niet afgesproken. Kijk de overeenkomst na voordat u verstuurt.',
      en: 'At the start of a coaching trajectory you record in writing what stays confidential, what you report and to whom, and which information a commissioning organisation receives. If this information or this recipient is not covered by those arrangements, sharing was not agreed. Check the agreement before you send.',
    },
  },
  {
    code: 'lvsc',
    number: '3',
    heading: '3. Geheimhouding en vertrouwelijkheid',
    title: { nl: 'Geheimhouding en vertrouwelijkheid', en: 'Secrecy and confidentiality' },
    anchor: 'verplicht tot geheimhouding over alles wat binnen de begeleiding wordt besproken',
    short: {
      nl: 'Alles wat in de begeleiding ter sprake komt, valt onder uw geheimhouding, ook als de cliënt zelf toestemming geeft.',
      en: 'Everything that comes up in coaching falls under your duty of secrecy, even when the client gives permission.',
    },
    full: {
      nl: 'Geheimhouding is de hoofdregel van de LVSC-code: wat een cliënt u toevertrouwt, blijft bij u, tenzij de wet of een uitzondering uit de code iets anders vraagt. Toestemming van de cliënt heft de gemaakte afspraken over geheimhouding niet op. Twijfelt u, leg de vraag dan eerst (zonder herkenbare gegevens) voor aan een vakgenoot.',
      en: 'Secrecy is the main rule of the LVSC code: what a client confides in you stays with you, unless the law or an exception in the code requires otherwise. The client’s permission does not cancel the agreements on secrecy. When in doubt, first discuss the question (without identifying details) with a fellow professional.',
    },
  },
  {
    code: 'lvsc',
    number: '3.1',
    heading: '3.1 Intercollegiaal overleg',
    title: { nl: 'Intercollegiaal overleg', en: 'Consulting colleagues' },
    anchor: 'Er wordt alleen geanonimiseerd gesproken',
    short: {
      nl: 'In supervisie, intervisie of overleg met collega’s bespreekt u een cliënt alleen zonder naam of andere herkenbare gegevens.',
      en: 'In supervision, peer review or consultation you discuss a client only without their name or other identifying details.',
    },
    full: {
      nl: 'U mag een casus voorleggen aan collega’s of deskundigen die zelf ook tot geheimhouding verplicht zijn, maar alleen geanonimiseerd en in een vertrouwelijke setting. Een naam, werkgever of woonplaats, of een combinatie van details, kan een cliënt al herkenbaar maken. Haal die weg of vervang ze voordat u verstuurt.',
      en: 'You may bring a case to colleagues or experts who are themselves bound to secrecy, but only anonymised and in a confidential setting. A name, employer or home town, or a combination of details, can already make a client recognisable. Remove or replace them before you send.',
    },
  },
  {
    code: 'lvsc',
    number: '3.2',
    heading: '3.2 Ontheffing van de geheimhoudingsplicht',
    title: { nl: 'Ontheffing van de geheimhoudingsplicht', en: 'Release from the duty of secrecy' },
    anchor: 'wordt een vakgenoot geraadpleegd',
    short: {
      nl: 'Geheimhouding doorbreken kan alleen bij ernstig gevaar, na overleg met een vakgenoot, en u vertelt het uw cliënt.',
      en: 'Breaking secrecy is only possible in serious danger, after consulting a fellow professional, and you tell your client.',
    },
    full: {
      nl: 'Alleen als de veiligheid of gezondheid van de cliënt of anderen op het spel staat, of als een probleem anders niet op te lossen is, kan het nodig zijn geheimhouding (deels) op te heffen. De code vraagt dan eerst een vakgenoot te raadplegen en daarna de cliënt te vertellen wat u hebt gedeeld. Is dit bericht niet zo’n uitzonderlijke situatie, deel dan geen herleidbare gegevens.',
      en: 'Only when the safety or health of the client or others is at stake, or a problem cannot be solved any other way, may it be necessary to lift secrecy (in part). The code then asks you to consult a fellow professional first and afterwards tell the client what you shared. If this message is not such an exceptional situation, do not share identifying details.',
    },
  },
  {
    code: 'lvsc',
    number: '4.4',
    heading: '4.4 Omgaan met begeleidingsmateriaal',
    title: { nl: 'Omgaan met begeleidingsmateriaal', en: 'Handling coaching material' },
    anchor: 'zorgvuldig om met begeleidingsmateriaal en persoonsgegevens',
    short: {
      nl: 'Ga zorgvuldig om met persoonsgegevens van cliënten en bewaar ze niet langer dan nodig.',
      en: 'Handle clients’ personal data with care and keep it no longer than necessary.',
    },
    full: {
      nl: 'Persoonsgegevens en materiaal uit de begeleiding behandelt u met zorg en bewaart u niet langer dan nodig. Voor eigen aantekeningen noemt de code een richtlijn van hooguit drie jaar. Wie gegevens in een bericht zet, laat een kopie achter bij de ontvanger en diens mail- of chatdienst, die u later niet meer kunt opruimen.',
      en: 'You treat personal data and coaching material with care and keep it no longer than necessary. For your own notes the code gives a guideline of three years at most. Putting details in a message leaves a copy with the recipient and their mail or chat service, which you cannot clean up later.',
    },
  },
  {
    code: 'lvsc',
    number: '5',
    heading: '5. Digitale ethiek',
    title: { nl: 'Digitale ethiek', en: 'Digital ethics' },
    anchor: 'De geheimhoudingsplicht geldt ook voor het gebruik van sociale media',
    short: {
      nl: 'Uw geheimhouding geldt ook op sociale media en in elk digitaal kanaal: deel niets wat naar een cliënt of organisatie te herleiden is.',
      en: 'Your duty of secrecy also applies on social media and in every digital channel: share nothing that can be traced to a client or organisation.',
    },
    full: {
      nl: 'De LVSC-code vraagt u digitale middelen zo te gebruiken dat privacy en vertrouwelijkheid van de cliënt beschermd blijven. Dat geldt voor e-mail en chat net zo goed als voor een openbaar bericht op LinkedIn. Ook een voornaam samen met een werkgever of woonplaats kan genoeg zijn om iemand te herkennen. Discreet waarschuwt omdat dit bericht zulke gegevens lijkt te bevatten.',
      en: 'The LVSC code asks you to use digital tools in a way that keeps the client’s privacy and confidentiality safe. That goes for e-mail and chat just as much as for a public post on LinkedIn. Even a first name together with an employer or home town can be enough to recognise someone. Discreet warns you because this message seems to contain such details.',
    },
  },

  // ── Register Loopbaanprofessional 2025 ───────────────────────────────────────
  {
    code: 'rl',
    number: '2.1.1',
    heading: '2.1 Vertrouwelijkheid',
    title: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
    anchor: 'plicht om alle inhoudelijke en persoonlijke informatie',
    short: {
      nl: 'Informatie over en van uw cliënt deelt u met niemand zonder schriftelijke toestemming van de cliënt, ook niet online.',
      en: 'You share information about or from your client with no one without the client’s written consent, online included.',
    },
    full: {
      nl: 'De code van het Register Loopbaanprofessional verplicht u alle persoonlijke en inhoudelijke informatie over cliënten, opdrachtgevers en derden vertrouwelijk te houden. Delen, mondeling, op papier of online, kan alleen als de cliënt daar schriftelijk mee heeft ingestemd. Een naam in een mail of chatbericht is al delen.',
      en: 'The Register Loopbaanprofessional code obliges you to keep all personal and substantive information about clients, commissioning parties and third parties confidential. Sharing it, spoken, on paper or online, is only possible when the client has agreed in writing. A name in an e-mail or chat message already counts as sharing.',
    },
  },
  {
    code: 'rl',
    number: '2.1.2',
    heading: '2.1 Vertrouwelijkheid',
    title: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
    anchor: 'het nodig is om informatie te delen met derden',
    short: {
      nl: 'Iets delen met derden vraagt toestemming van uw cliënt, en u legt vast wat u met wie deelt en waarom.',
      en: 'Sharing with third parties needs your client’s consent, and you record what you share, with whom and why.',
    },
    full: {
      nl: 'Soms is het voor het traject nodig iets te delen met een werkgever, opdrachtgever of andere partij. De code vraagt dan eerst toestemming van de cliënt, en een schriftelijke vastlegging van welke informatie naar wie gaat en met welk doel. Weet u niet zeker of dat voor dit bericht geregeld is, verstuur het dan nog niet.',
      en: 'Sometimes the trajectory requires sharing something with an employer, commissioning party or someone else. The code then asks for the client’s consent first, and a written record of which information goes to whom and for what purpose. If you are not sure this has been arranged for this message, do not send it yet.',
    },
  },
  {
    code: 'rl',
    number: '2.1.3',
    heading: '2.1 Vertrouwelijkheid',
    title: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
    anchor: 'houdt een dossier bij',
    short: {
      nl: 'Ook waar u over een traject schrijft, op papier of digitaal, bent u verantwoordelijk voor privacy en vertrouwelijkheid.',
      en: 'Wherever you write about a trajectory, on paper or digitally, you are responsible for privacy and confidentiality.',
    },
    full: {
      nl: 'U houdt een dossier bij over de voortgang van het traject en zorgt dat het vertrouwelijk blijft, ook als het digitaal is. Cliëntgegevens in een mailbox of chatapp komen terecht op plekken die u niet zelf beheert. Houd ze daarom zo beperkt mogelijk.',
      en: 'You keep a file on the progress of the trajectory and make sure it stays confidential, digital files included. Client details in a mailbox or chat app end up in places you do not control. Keep them to a minimum.',
    },
  },
  {
    code: 'rl',
    number: '2.1.4',
    heading: '2.1 Vertrouwelijkheid',
    title: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
    anchor: 'dan gebeurt dit altijd anoniem',
    short: {
      nl: 'Een traject bespreken in supervisie, intervisie of intercollegiaal overleg doet u altijd anoniem en niet herleidbaar.',
      en: 'You discuss a trajectory in supervision, peer review or with colleagues always anonymously and untraceably.',
    },
    full: {
      nl: 'Een casus inbrengen voor uw eigen ontwikkeling is goed, maar de code eist dat het altijd anoniem gebeurt: niemand mag kunnen afleiden om welke cliënt het gaat. Haal namen weg en let ook op combinaties zoals functie, werkgever en woonplaats.',
      en: 'Bringing in a case for your own development is fine, but the code requires it to be anonymous every time: no one may be able to work out which client it is about. Remove names, and watch out for combinations such as job, employer and home town.',
    },
  },
  {
    code: 'rl',
    number: '2.1.5',
    heading: '2.1 Vertrouwelijkheid',
    title: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
    anchor: 'het uiterste redmiddel',
    short: {
      nl: 'Geheimhouding doorbreken is alleen het uiterste middel bij ernstig gevaar, of als de wet het verplicht.',
      en: 'Breaking confidentiality is only a last resort in serious danger, or when the law requires it.',
    },
    full: {
      nl: 'De code laat maar twee uitzonderingen toe: serieuze vrees voor schade of gevaar voor de cliënt of anderen, als er geen andere weg meer is, of een wettelijke plicht om iets te melden. Valt dit bericht daar niet onder, dan hoort er niets in wat naar uw cliënt te herleiden is.',
      en: 'The code allows only two exceptions: a serious fear of harm or danger to the client or others, when no other way is left, or a legal duty to report. If this message falls under neither, it should contain nothing that can be traced to your client.',
    },
  },
  {
    code: 'rl',
    number: '2.4',
    heading: '2.4 Rapportage',
    title: { nl: 'Rapportage', en: 'Reporting' },
    anchor: 'akkoord is met de rapportage',
    short: {
      nl: 'Rapporteren aan een opdrachtgever kan pas als uw cliënt de inhoud kent, akkoord is en schriftelijk toestemming geeft.',
      en: 'Reporting to a commissioning party is only possible once your client knows the content, agrees and consents in writing.',
    },
    full: {
      nl: 'Rapporteert u aan iemand anders dan de cliënt, dan staat in de opdracht vooraf wat de rapportage bevat en onder welke voorwaarden die gedeeld wordt. De cliënt ziet de inhoud altijd eerst en geeft schriftelijk toestemming voordat u iets doorstuurt. Een tussentijds bericht aan een werkgever is ook een vorm van rapporteren.',
      en: 'If you report to anyone other than the client, the assignment states in advance what the report contains and on what terms it is shared. The client always sees the content first and consents in writing before you pass anything on. An interim message to an employer is a form of reporting too.',
    },
  },
  {
    code: 'rl',
    number: '3.2',
    heading: '3.2 Professionaliteit',
    title: { nl: 'Professionaliteit', en: 'Professionalism' },
    anchor: 'kan verantwoording afleggen over het eigen gedrag en keuzes',
    short: {
      nl: 'U moet uw eigen keuzes kunnen verantwoorden, ook de keuze om dit bericht zo te versturen.',
      en: 'You must be able to account for your own choices, including the choice to send this message as it is.',
    },
    full: {
      nl: 'De code vraagt dat u methodisch werkt en verantwoording kunt afleggen over uw gedrag en keuzes. Discreet houdt het verzenden even tegen, zodat u bewust kunt kiezen: aanpassen, anonimiseren, of (als het echt zo mag) toch versturen.',
      en: 'The code asks you to work methodically and be able to account for your conduct and choices. Discreet holds the send for a moment so you can choose deliberately: edit, anonymise, or (if it really is allowed) send anyway.',
    },
  },
];

/**
 * Which articles each situation cites, most relevant first, per code.
 * public-post: a post anyone can read (LinkedIn). third-party: to an employer, commissioning party or
 * someone outside the coaching. message: any other message or chat. supervision: to a supervisor, peer
 * group or colleague about a case.
 */
export const SITUATION_ARTICLES: Record<Situation, Record<CodeId, readonly string[]>> = {
  'public-post': { lvsc: ['5', '3'], rl: ['2.1.1', '3.2'] },
  'third-party': { lvsc: ['3', '2.1', '3.2'], rl: ['2.1.2', '2.4', '2.1.1'] },
  message: { lvsc: ['5', '3', '4.4'], rl: ['2.1.1', '2.1.3'] },
  supervision: { lvsc: ['3.1', '3'], rl: ['2.1.4', '2.1.1'] },
};
