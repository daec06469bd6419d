/**
 * Word material for synthetic registries and texts: common Dutch and English first names, Dutch
 * surnames with tussenvoegsels (several of them ordinary words: Bakker, Visser, De Boer, Koster,
 * Groen), English and immigrant surnames with diacritics, organisations, job titles, towns, hobbies,
 * and prose sentences. All combinations are synthetic.
 */

export const FIRST_NAMES_NL = [
  'Sanne', 'Lotte', 'Daan', 'Sem', 'Emma', 'Julia', 'Thijs', 'Bram', 'Lieke', 'Femke', 'Joost', 'Niels',
  'Ruben', 'Pieter', 'Anouk', 'Eva', 'Noor', 'Fleur', 'Jesse', 'Milan', 'Lars', 'Tim', 'Max', 'Sterre',
  'Jade', 'Merel', 'Roos', 'Ilse', 'Maarten', 'Wouter', 'Koen', 'Hanneke', 'Marieke', 'Annelies', 'Gerrit',
  'Henk', 'Kees', 'Wim', 'Ria', 'Ingrid', 'Yvonne', 'Sjoerd', 'Hidde', 'Jelle', 'Wietske', 'Geert',
  'Marloes', 'Inge', 'Esther', 'Mirjam', 'Bas', 'Stijn', 'Joris', 'Floor', 'Isa', 'Tess', 'Lisa', 'Bart',
  'Rik', 'Willem', 'Johannes', 'Elisabeth', 'Catharina', 'Hendrik', 'Cornelis', 'Margaretha', 'Renée',
  'Zoë', 'Chloë', 'Anaïs', 'Loïs', 'Daniëlle', 'Björn', 'Jürgen', 'Søren', 'Mehmet', 'Fatima', 'Khadija',
  'Yasmina', 'Mohamed', 'Ayoub', 'Sara', 'Amira', 'Priya', 'Rajesh', 'Agnieszka', 'Piotr', 'Kimberley',
  'Nadia', 'Youssef', 'Ömer', 'Elif', 'Zeynep', 'Jayden', 'Shanice', 'Dewi', 'Sven', 'Wil',
] as const;

export const FIRST_NAMES_EN = [
  'James', 'Emily', 'Olivia', 'Oliver', 'Harry', 'Jack', 'Charlotte', 'Sophie', 'William', 'Thomas',
  'George', 'Amelia', 'Jessica', 'Daniel', 'Matthew', 'Hannah', 'Laura', 'Rachel', 'Michael', 'Sarah',
  'Kate', 'Ben', 'Grace', 'Chloe', 'Lucy', 'Ella', 'Alexander', 'Samuel', 'Joseph', 'Rebecca', 'Megan',
  'Patrick', 'Siobhan', 'Aoife', 'Connor', 'Will', 'Margaret', 'Robert', 'Katherine', 'Christopher',
] as const;

/** First name → registered nicknames (aliases). */
export const NICKNAMES: Record<string, readonly string[]> = {
  Johannes: ['Hans', 'Jan'], Elisabeth: ['Lies', 'Liesbeth'], Catharina: ['Karin', 'Toos'], Hendrik: ['Henk'],
  Cornelis: ['Kees'], Margaretha: ['Greet'], Willem: ['Wim', 'Pim'], Kimberley: ['Kim'], Agnieszka: ['Aga'],
  James: ['Jamie', 'Jim'], William: ['Will', 'Bill'], Margaret: ['Maggie', 'Peggy'], Robert: ['Rob', 'Bob'],
  Katherine: ['Kate', 'Kathy'], Christopher: ['Chris'], Alexander: ['Alex', 'Sander'], Samuel: ['Sam'],
  Joseph: ['Joe'], Rebecca: ['Becky'], Daniel: ['Dan'], Matthew: ['Matt'], Michael: ['Mike'],
  Maarten: ['Mart'], Annelies: ['Anne'], Mohamed: ['Mo'], Daniëlle: ['Daan'], Pieter: ['Piet'],
};

export const TUSSENVOEGSELS = ['van', 'de', 'van de', 'van der', 'van den', 'ter', 'ten', 'den', "van 't", "in 't", 'el', 'van het', 'op de', 'le'] as const;

/** Dutch surname cores; many combine with a tussenvoegsel. Several are ordinary words. */
export const SURNAMES_NL = [
  'Jansen', 'Jong', 'Vries', 'Berg', 'Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'Boer', 'Mulder',
  'Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Leeuwen', 'Dekker', 'Brouwer', 'Wit', 'Dijkstra', 'Smits',
  'Graaf', 'Meer', 'Linden', 'Kok', 'Jacobs', 'Haan', 'Vermeulen', 'Heuvel', 'Veen', 'Broek', 'Bruijn',
  'Bruin', 'Heijden', 'Schouten', 'Beek', 'Willems', 'Vliet', 'Ven', 'Hoekstra', 'Maas', 'Verhoeven',
  'Koster', 'Dam', 'Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'Koning', 'Wijk', 'Post', 'Kuipers', 'Zand',
  'Hout', 'Haar', 'Brink', 'Laan', 'Timmerman', 'Groen', 'Haverkamp', 'Hoogland', 'Ridder', 'Pinas',
  'Veldhuis', 'Kramer', 'Schipper', 'Wouters', 'Hofman', 'Postma', 'Kuiper', 'Bosman', 'Scholten', 'Molenaar',
  'Evers', 'Gerritsen', 'Lammers', 'Boersma', 'Zwart', 'Wolters', 'Verbeek', 'Veenstra', 'Sijbesma', 'Stroom',
  'Akker', 'Es', 'Rijn', 'Hulst', 'Velde', 'Steen', 'Kamp', 'Horst', 'Burg', 'Winkel', 'Bergh', 'Pol',
] as const;

export const SURNAMES_OTHER = [
  'Öztürk', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Bennani', 'El Idrissi', 'El Amrani', 'Bouzid', 'Wiśniewska',
  'Kowalski', 'Nowak', 'Lewandowska', "O'Connor", "O'Brien", 'McCarthy', 'Smith', 'Jones', 'Williams',
  'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Roberts', 'Johnson', 'Walker', 'Wright', 'Robinson',
  'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Patel', 'Murphy',
  'Kelly', 'Ramdin', 'Sewdien', 'Tjon', 'Nguyen', 'Tran', 'Müller', 'Schäfer', 'Dubois', 'Lefèvre', 'García',
  'Núñez', 'Håkansson', 'Ødegaard', 'Novák', 'Dvořák',
] as const;

export const MAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'live.nl', 'icloud.com', 'planet.nl', 'proton.me'] as const;

export const TOWNS = [
  'Amsterdam', 'Rotterdam', 'Utrecht', 'Zwolle', 'Deventer', 'Zutphen', 'Apeldoorn', 'Arnhem', 'Nijmegen',
  'Lochem', 'Meppel', 'Hoogeveen', 'Lelystad', 'Almere', 'Nijverdal', 'Oosterhout', 'Goes', 'Helmond',
  'Eindhoven', 'Tilburg', 'Breda', 'Haarlem', 'Leiden', 'Delft', 'Gouda', 'Alkmaar', 'Hoorn', 'Enschede',
  'Hengelo', 'Almelo', 'Groningen', 'Leeuwarden', 'Sneek', 'Assen', 'Emmen', 'Venlo', 'Roermond', 'Sittard',
  'Heerlen', 'Maastricht', 'Middelburg', 'Vlissingen', 'Terneuzen', 'Harderwijk', 'Ede', 'Wageningen',
  'Veenendaal', 'Amersfoort', 'Hilversum', 'Weesp', 'Badhoevedorp', 'Oegstgeest', 'Best', 'Doetinchem',
  'Winterswijk', 'Tiel', 'Culemborg', 'Gorinchem', 'Dordrecht', 'Schiedam', 'Vlaardingen', 'Spijkenisse',
  'Purmerend', 'Zaandam', 'Den Helder', 'Kampen', 'Steenwijk', 'Heerenveen', 'Drachten', 'Borne', 'Oss',
] as const;

export const PROVINCES = ['Zeeland', 'Gelderland', 'Overijssel', 'Drenthe', 'Friesland', 'Groningen', 'Utrecht', 'Limburg', 'Flevoland', 'Noord-Brabant', 'Noord-Holland', 'Zuid-Holland'] as const;

export const ORG_WORDS = [
  'Heideland', 'Kempenhof', 'Blauwbyte', 'Photonix', 'DistriFresh', 'BloomPort', 'Medevia', 'Argus', 'Palmslag',
  'Spoorwerk', 'Berkelland', 'Noorderlicht', 'Zonnehoek', 'Waterweg', 'Vechtstroom', 'Dijkwacht', 'Brugwerk',
  'Kernkracht', 'Veldwerk', 'Lindenhof', 'Eikenhorst', 'Beukenrode', 'Rivierenland', 'Polderpoort', 'Havenzicht',
  'Duinrand', 'Helder', 'Korenbloem', 'Zilverberk', 'Veenhof', 'Stadsbron', 'Groeipad', 'Werkkracht',
  'Datavorm', 'Cloudtij', 'Bitwerf', 'Logiflow', 'Agrilink', 'Zorgzaam', 'Leerlab', 'Bouwmeester', 'Tegelhuis',
] as const;

export const ORG_PATTERNS: ReadonlyArray<(w: string, town: string, province: string, surname: string) => string> = [
  (_w, t) => `Gemeente ${t}`,
  (w) => `Stichting ${w}`,
  (w) => `${w} B.V.`,
  (_w, _t, p) => `Provincie ${p}`,
  (_w, t) => `Bibliotheek ${t}`,
  (w) => `Zorgcentrum De ${w}`,
  (_w, _t, _p, s) => `${s} Advocaten`,
  (w) => `${w} Systems`,
  (w, t) => `${w} ${t}`,
  (_w, t) => `Hogeschool ${t}`,
  (w) => `Woonstichting ${w}`,
  (_w, _t, _p, s) => `Autobedrijf ${s}`,
  (w) => `Uitgeverij ${w}`,
  (w) => `${w} Foods`,
  (_w, t) => `Tandartspraktijk ${t}`,
];

export const JOB_TITLES = [
  'jurist omgevingsrecht', 'sales lead', 'activiteitenbegeleider', 'werkplaatschef', 'ecoloog', 'mediacoach',
  'kwaliteitsmanager', 'treindienstleider', 'consulent schuldhulpverlening', 'lector zorginnovatie',
  'regulatory affairs manager', 'woonconsulent', 'beveiliger', 'backend developer', 'boswachter', 'system engineer',
  'mondhygiënist', 'eindredacteur', 'verpleegkundige', 'teamleider', 'projectleider', 'beleidsmedewerker',
  'docent Nederlands', 'huisarts', 'fysiotherapeut', 'accountmanager', 'HR-adviseur', 'controller',
  'data analist', 'product owner', 'scrum master', 'logistiek medewerker', 'chauffeur', 'kok', 'bakker',
  'timmerman', 'elektricien', 'loodgieter', 'schilder', 'tuinman', 'receptionist', 'office manager',
  'marketing manager', 'UX designer', 'software tester', 'store manager', 'nurse practitioner', 'paralegal',
  'procurement officer', 'facility manager', 'interim manager', 'operations director', 'pedagogisch medewerker',
  'jeugdconsulent', 'wijkagent', 'brandweerman', 'apotheker', 'dierenarts', 'makelaar', 'notaris',
] as const;

export const HOBBIES = [
  'karten', 'marathonlopen', 'zeilen', 'klimmen', 'schaken', 'koorzang', 'imkeren', 'wielrennen', 'hockey',
  'volleybal', 'paardrijden', 'duiken', 'fotografie', 'pottenbakken', 'bridge', 'tango', 'triatlon', 'roeien',
  'surfen', 'vissen', 'modelbouw', 'quilten', 'birdwatching', 'rugby', 'cricket',
] as const;

export const STREETS = ['Spoorstraat', 'Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Julianalaan', 'Beatrixstraat', 'Venneperweg', 'Hoofdweg', 'Lindelaan', 'Eikenlaan'] as const;

/** Ordinary prose without client mentions; several contain words that equal common surnames. */
export const SENTENCES_NL = [
  'Zoals afgesproken stuur ik je hierbij de samenvatting van ons gesprek van vorige week.',
  'We hebben gekeken naar drijfveren, sterke kanten en de momenten waarop het werk energie geeft.',
  'De volgende sessie staat gepland op donderdag om half tien, bij mij op kantoor.',
  'Het beeld wordt steeds helderder, al blijft de vraag wat haalbaar is binnen de organisatie.',
  'Een zelfstandig adviseur moet voortdurend zelf de boer op om opdrachten binnen te halen.',
  'Na twintig jaar als timmerman gaan de knieën niet meer mee, dus er moet iets anders komen.',
  'Ik stel voor dat we eerst een vrijblijvend kennismakingsgesprek van een half uur houden.',
  'De bakker op de hoek verkoopt nog steeds het lekkerste brood van de stad.',
  'Het team heeft groen licht gekregen voor de reorganisatie, maar de planning is krap.',
  'Bij de koster van de dorpskerk hangt een briefje met de openingstijden.',
  'Ze wil verkennen of er binnen de gemeente een rol mogelijk is als juridisch adviseur.',
  'Tegen de stroom in roeien kost meer energie dan je denkt, ook in je loopbaan.',
  'De gesprekken met collega’s van andere afdelingen leverden verrassend veel op.',
  'Neem gerust contact op als je vragen hebt over de rapportage of de vervolgstappen.',
  'In het assessment kwamen analytisch vermogen en samenwerken sterk naar voren.',
  'We sluiten het traject af met een driegesprek en een schriftelijk advies.',
  'Onder de linde in de tuin is het in de zomer het koelst.',
  'Een visser in de haven vertelde dat de vangst dit jaar tegenviel.',
  'De werkgever betaalt het traject uit het opleidingsbudget, dus dat is geregeld.',
  'Max. twaalf deelnemers per groep, anders wordt het te onrustig.',
  'Het netwerkgesprek met de teamleider was open en eerlijk, dat gaf vertrouwen.',
  'Volgende week is er een intervisiebijeenkomst met collega-coaches in Utrecht.',
  'Het CV is flink verbeterd: elke regel begint nu met een resultaat in plaats van een taak.',
  'Ik merk dat de motivatie groot is, maar dat de tijd om te solliciteren beperkt is.',
  'De rapportage gaat pas naar de werkgever als de cliënt die eerst gelezen heeft.',
  'Er staan nog drie sessies gepland; daarna evalueren we samen het traject.',
  'Een merel zat de hele ochtend op de schutting te zingen.',
  'Het lijkt me goed om de vacature samen door te nemen voordat je reageert.',
  'Loopbaancoaching is geen therapie, maar soms raakt het wel aan persoonlijke thema’s.',
  'De smid in het openluchtmuseum liet zien hoe je een hoefijzer smeedt.',
] as const;

export const SENTENCES_EN = [
  'Thanks for sending the new version of your CV; it is a big improvement.',
  'Under your current role, start each bullet with a result rather than a task.',
  'The chapter on identity-based habits fits nicely with what we discussed.',
  'I will send you the summary of our session before the end of the week.',
  'Networking does not have to mean going to events you do not enjoy.',
  'We looked at your values, your strengths and the moments you feel most energised.',
  'Let me know if Thursday at ten still works for you.',
  'The best thing you can do now is talk to three people who already do this work.',
  'Your manager was supportive, which makes the next step a lot easier.',
  'I will check with the team whether the budget covers a second assessment.',
  'It was great to see how much progress you have made since our first meeting.',
  'The workshop on salary negotiation is scheduled for the second week of March.',
  'Feel free to reach out if anything in the report is unclear.',
  'Green light from HR, so we can start the programme next month.',
  'A short reflection after each session helps to make the insights stick.',
  'The cleaning company will come by on Friday morning.',
  'We agreed that the report stays confidential until you have read it.',
  'Career changes take time, and that is perfectly normal.',
  'The interview went well, and they asked for a second conversation.',
  'Please bring the results of the personality questionnaire next time.',
] as const;

/** Sentence frames for a mention; `@` is replaced by the mention surface. */
export const MENTION_FRAMES_NL = [
  'Vandaag sprak ik @ over de volgende stap.',
  'Ik heb met @ afgesproken dat we in mei evalueren.',
  'De mail van @ kwam gisteren binnen.',
  'Volgens @ is de sfeer op de afdeling verbeterd.',
  'Zou je @ willen laten weten dat de sessie verschuift?',
  'Het verslag over @ is bijna af.',
  'Graag een afspraak met @ in de week na de vakantie.',
] as const;

export const MENTION_FRAMES_EN = [
  'I spoke with @ this morning about the next step.',
  'Could you forward the invitation to @ as well?',
  'The feedback from @ was very positive.',
  'We agreed with @ to evaluate in May.',
  'Please keep @ in the loop.',
] as const;
