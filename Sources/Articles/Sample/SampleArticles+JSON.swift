extension SampleArticles {
    /// The sample as JSON in the contract's shape (what `ArticleImport` reads).
    public static let json: String = #"""
[
 {
  "id": "a1b2c3d4e5",
  "slug": "putin-warns-western-troops-in-ukraine-would-be-targets",
  "title": "Putin Warns Western Troops in Ukraine Would Be Targets",
  "summary": "Kremlin spokesman Dmitry Peskov echoed that sentiment, calling the Western plan “unacceptable” and accusing its backers of escalating tensions.",
  "body": "Russian President Vladimir Putin has warned that any foreign troops deployed to Ukraine as part of Western security guarantees would be considered “legitimate targets” for Russian forces.\n\nPutin made the remarks on September 5, 2025, during the Eastern Economic Forum in Vladivostok. His statement came just a day after a coalition of European and allied nations pledged to create a multinational force that could move into Ukraine following a ceasefire. The initiative, supported by leaders including French President Emmanuel Macron, was intended to reassure Kyiv that it would not be left vulnerable once the fighting ends.\n\nUkrainian President Volodymyr Zelenskyy welcomed the proposal, saying the deployment of troops from allied nations would demonstrate genuine commitment to protecting his country’s sovereignty. European officials described the force as a stabilizing measure, designed to prevent Russia from reigniting the war after peace is declared.\n\nPutin, however, rejected the idea outright. He argued that any foreign presence in Ukraine—before or after a peace agreement—would not contribute to stability but instead risk triggering direct clashes with Moscow. Kremlin spokesman Dmitry Peskov echoed that sentiment, calling the Western plan “unacceptable” and accusing its backers of escalating tensions.\n\nThe debate reflects a deeper question over Ukraine’s long-term security. Kyiv and its allies argue that verbal assurances are not enough, recalling the Budapest Memorandum, a 1994 agreement that promised Ukraine protection in exchange for giving up its nuclear arsenal. That deal collapsed in practice when Russia annexed Crimea in 2014, leaving Ukrainians deeply wary of non-binding pledges.\n\nFor Russia, however, security talks must return to earlier frameworks, such as the Istanbul negotiations of 2022, where the Kremlin insisted on Ukraine adopting neutrality and dropping its bid to join NATO. Putin maintains those terms remain the only realistic foundation for peace.\n\nMeanwhile, the war continues to exact a heavy toll. In recent weeks, Russian missile and drone strikes have targeted Ukrainian cities including Dnipro and Chernihiv, destroying homes and damaging power facilities. These attacks have reinforced Kyiv’s demand for reliable, enforceable guarantees—arguing that without them, any future agreement risks repeating past failures.",
  "author": "Staff Reporter",
  "category": "world",
  "tags": [
   "russia",
   "ukraine",
   "nato",
   "security-guarantees"
  ],
  "language": "en",
  "breaking": true,
  "status": "published",
  "publishedAt": "2025-09-06T07:00:00Z",
  "createdAt": "2025-09-06T06:40:00Z",
  "updatedAt": "2025-09-06T07:05:00Z",
  "related": [
   "x9y8z7w6v5"
  ]
 },
 {
  "id": "x9y8z7w6v5",
  "slug": "deadly-landslide-hits-sudans-marrah-mountains-region",
  "title": "Deadly Landslide Hits Sudan’s Marrah Mountains Region",
  "summary": "A landslide after days of heavy rain buried a village in the Marrah Mountains of Darfur, and local leaders fear hundreds of people are dead.",
  "body": "A landslide triggered by days of heavy rain has buried a village in Sudan’s Marrah Mountains, local leaders said, with rescuers digging by hand through mud and rock in search of survivors.\n\nThe Sudan Liberation Movement, which controls the remote area of central Darfur, appealed to the United Nations and international aid agencies for help recovering bodies. Only one survivor had been found by Monday evening, according to the group.\n\nAid workers said access to the mountains is difficult at the best of times and that the rainy season, combined with more than two years of war between the army and the Rapid Support Forces, has left roads impassable. Many families in the area had fled fighting in the lowlands and were sheltering in the mountains.",
  "author": "Amina Otieno",
  "category": "africa",
  "tags": [
   "sudan",
   "landslide",
   "darfur",
   "humanitarian"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-02T09:30:00Z",
  "createdAt": "2025-09-02T08:50:00Z",
  "updatedAt": "2025-09-02T12:10:00Z",
  "related": []
 },
 {
  "id": "c4d5e6f7g8",
  "slug": "un-appeals-for-urgent-funding-to-battle-drought-in-ethiopia",
  "title": "UN appeals for urgent funding to battle drought in Ethiopia",
  "summary": "The UN’s humanitarian agency says it is concerned by the worsening drought in southern and eastern Ethiopia, where millions of people need food and water.",
  "body": "The UN’s humanitarian agency says it is concerned by the worsening drought in southern and eastern Ethiopia, where failed rains have killed livestock and left millions of people in need of food and water.\n\nOCHA said its appeal for the country is less than a third funded, forcing agencies to cut rations and prioritise the hardest-hit districts in the Somali and Oromia regions. Water trucking, it warned, would stop within weeks without new money.\n\nFarmers in Borena described walking for days to reach wells that still hold water. “We have lost most of our cattle,” one herder said. “The ones that survive are too weak to sell.”\n\nDonors are expected to discuss the appeal at a meeting in Addis Ababa later this month.",
  "author": "Grace Mwangi",
  "category": "africa",
  "tags": [
   "drought",
   "aid",
   "ethiopia"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-04T10:15:00Z",
  "createdAt": "2025-09-04T09:40:00Z",
  "updatedAt": "2025-09-04T10:15:00Z",
  "related": []
 },
 {
  "id": "k1w2a3f4u5",
  "slug": "kanye-west-afichua-unyanyasaji-wa-kingono-kwa-mkewe",
  "title": "Kanye West Afichua Unyanyasaji wa Kingono kwa Mkewe",
  "summary": "Kanye West amefunua tukio la unyanyasaji wa kingono ambalo mkewe, Bianca Censori, alipitia, akisema familia yao inahitaji faragha.",
  "body": "Kanye West amefunua tukio la unyanyasaji wa kingono ambalo mkewe, Bianca Censori, alipitia, katika ujumbe mrefu aliouchapisha kwenye mitandao ya kijamii mwishoni mwa wiki.\n\nMwanamuziki huyo alisema aliamua kuzungumza ili kuwaunga mkono waathiriwa wengine, na akaomba vyombo vya habari kuiheshimu faragha ya familia yake katika kipindi hiki kigumu.\n\nMashabiki wake wengi walimtumia salamu za pole, huku wengine wakihoji kwa nini ameamua kuweka suala hilo hadharani. Wawakilishi wa Censori hawakujibu maombi ya kutoa maoni.",
  "author": "Mwandishi Wetu",
  "category": "culture",
  "tags": [
   "kanye-west",
   "burudani"
  ],
  "language": "sw",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-05T15:00:00Z",
  "createdAt": "2025-09-05T14:20:00Z",
  "updatedAt": "2025-09-05T15:00:00Z",
  "related": []
 },
 {
  "id": "f8r2s3n9d1",
  "slug": "secheresse-le-senegal-rationne-l-eau-a-dakar",
  "title": "Sécheresse : le Sénégal rationne l’eau à Dakar",
  "summary": "Face à une saison des pluies très déficitaire, la société nationale des eaux impose des coupures tournantes dans plusieurs quartiers de la capitale.",
  "body": "La sécheresse qui frappe le nord du Sénégal depuis le début de l’été a contraint la Sen’Eau à annoncer des coupures d’eau tournantes dans plusieurs quartiers de Dakar.\n\nLes éleveurs de la vallée du fleuve, privés de pâturages, descendent plus tôt que prévu vers le sud avec leurs troupeaux. Le ministère de l’Hydraulique promet la mise en service accélérée de l’usine de dessalement des Mamelles.\n\n« Nous remplissons des bidons la nuit, quand l’eau revient », raconte une habitante de Pikine. Les associations de consommateurs réclament un calendrier clair des coupures.",
  "author": "Sofia Rossi",
  "category": "climate",
  "tags": [
   "senegal",
   "drought",
   "water"
  ],
  "language": "fr",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-03T08:00:00Z",
  "createdAt": "2025-09-03T07:30:00Z",
  "updatedAt": "2025-09-03T11:45:00Z",
  "related": [
   "c4d5e6f7g8"
  ]
 },
 {
  "id": "p7t4b9r2s6",
  "slug": "seca-no-nordeste-governo-amplia-ajuda-as-familias",
  "title": "Seca no Nordeste: governo amplia ajuda às famílias do sertão",
  "summary": "Ministério anuncia novos carros-pipa e um reforço no auxílio para agricultores afetados pela estiagem mais longa da década.",
  "body": "O governo federal anunciou nesta segunda-feira a ampliação da Operação Carro-Pipa e um reforço no auxílio pago a agricultores familiares do sertão nordestino, atingido pela estiagem mais longa da década.\n\nSegundo o ministério, mais de 400 municípios da Bahia, de Pernambuco e do Ceará estão em situação de emergência. Açudes que abastecem cidades inteiras operam com menos de dez por cento da capacidade.\n\nProdutores dizem que a ajuda chega tarde. “Perdemos a safra de feijão e o milho secou no pé”, afirmou um agricultor de Petrolina.",
  "author": "Maria Silva",
  "category": "americas",
  "tags": [
   "brazil",
   "drought",
   "aid"
  ],
  "language": "pt-BR",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-01T13:00:00Z",
  "createdAt": "2025-09-01T12:10:00Z",
  "updatedAt": "2025-09-01T13:00:00Z",
  "related": []
 },
 {
  "id": "m3k8e2n5y4",
  "slug": "kenyan-mps-pass-revised-finance-bill-after-weeks-of-protests",
  "title": "Kenyan MPs Pass Revised Finance Bill After Weeks of Protests",
  "summary": "The new bill drops the most contested tax rises but keeps levies on mobile money, and opposition leaders vow to challenge it in court.",
  "body": "Kenya’s National Assembly passed a revised finance bill late on Thursday after weeks of street protests forced the government to drop proposed taxes on bread, cooking oil and sanitary products.\n\nThe Treasury says the remaining measures, including a higher levy on mobile money transfers, are needed to meet debt repayments. Opposition leaders called the bill “the same burden in a new wrapper” and said they would challenge it at the High Court.\n\nPolice kept a heavy presence around Parliament in Nairobi, where small groups of young protesters gathered but dispersed peacefully.",
  "author": "John Smith",
  "category": "politics",
  "tags": [
   "kenya",
   "budget",
   "protests"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-08-29T19:45:00Z",
  "createdAt": "2025-08-29T18:30:00Z",
  "updatedAt": "2025-08-30T07:20:00Z",
  "related": []
 },
 {
  "id": "b5c1r8t3z6",
  "slug": "tanzania-central-bank-holds-rates-as-inflation-eases",
  "title": "Tanzania Central Bank Holds Rates as Inflation Eases",
  "summary": "The Bank of Tanzania kept its policy rate at 6 percent, citing slowing food prices and a steadier shilling.",
  "body": "The Bank of Tanzania left its central bank rate unchanged at 6 percent for the third quarter running, saying inflation had eased to 3.1 percent on lower food prices.\n\nGovernor Emmanuel Tutuba said the shilling had stabilised against the dollar thanks to strong gold exports and tourism receipts. Analysts had expected the hold, though some argue a cut would help small businesses struggling with credit costs.",
  "author": "Kwame Mensah",
  "category": "business",
  "tags": [
   "tanzania",
   "inflation",
   "rates"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-08-28T11:00:00Z",
  "createdAt": "2025-08-28T10:15:00Z",
  "updatedAt": "2025-08-28T11:00:00Z",
  "related": []
 },
 {
  "id": "n6g2f9l4d8",
  "slug": "floods-displace-thousands-along-the-niger-river",
  "title": "Floods Displace Thousands Along the Niger River",
  "summary": "Rising water has swamped farmland and homes in Niger and Nigeria, and forecasters warn the peak is still weeks away.",
  "body": "Floods along the Niger River have forced thousands of families from their homes in Niger and northern Nigeria, swamping rice fields just weeks before harvest.\n\nEmergency officials in Niamey said more than 40,000 people had been displaced since July. In Nigeria’s Kebbi State, villagers moved livestock to higher ground as the river rose above its banks.\n\nClimate scientists say heavier rainy seasons in the Sahel are consistent with a warming climate, and regional forecasters warn the flood peak may not arrive until October.",
  "author": "Omar Haddad",
  "category": "climate",
  "tags": [
   "nigeria",
   "flood",
   "climate-change"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-08-31T06:30:00Z",
  "createdAt": "2025-08-31T05:50:00Z",
  "updatedAt": "2025-08-31T09:00:00Z",
  "related": []
 },
 {
  "id": "h4s7t2r9k1",
  "slug": "harambee-stars-seal-world-cup-qualifier-win-in-nairobi",
  "title": "Harambee Stars Seal World Cup Qualifier Win in Nairobi",
  "summary": "A second-half header settled a tense night at Kasarani and kept Kenya’s qualifying hopes alive.",
  "body": "Kenya beat Gambia 1-0 at Kasarani Stadium on Friday night, with a second-half header from a corner keeping the Harambee Stars’ World Cup qualifying hopes alive.\n\nThe coach praised his defence after a tense final ten minutes in which the visitors hit the crossbar twice. Kenya travel to Seychelles next week needing another win to stay in touch with the group leaders.",
  "author": "Elena Novak",
  "category": "sport",
  "tags": [
   "kenya",
   "football"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-05T21:30:00Z",
  "createdAt": "2025-09-05T21:00:00Z",
  "updatedAt": "2025-09-05T22:10:00Z",
  "related": []
 },
 {
  "id": "t9l3g5s2m7",
  "slug": "lagos-startups-bet-on-solar-mini-grids-to-beat-power-cuts",
  "title": "Lagos Startups Bet on Solar Mini-Grids to Beat Power Cuts",
  "summary": "With diesel prices soaring, young companies are selling solar power by the hour to markets and clinics across the city.",
  "body": "A wave of Lagos startups is installing solar mini-grids on market rooftops and selling electricity by the hour to traders tired of grid outages and expensive diesel generators.\n\nInvestors have put more than $60 million into the sector this year, according to industry figures. Founders say pay-as-you-go billing through mobile money has been the key to reaching small businesses.\n\nRegulators are drafting rules to let mini-grid operators connect to the national grid, which could help stabilise supply in densely populated districts.",
  "author": "Li Wang",
  "category": "technology",
  "tags": [
   "nigeria",
   "energy",
   "startups"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-08-27T08:45:00Z",
  "createdAt": "2025-08-27T08:00:00Z",
  "updatedAt": "2025-08-27T08:45:00Z",
  "related": []
 },
 {
  "id": "w2h6o1m8r3",
  "slug": "who-declares-end-of-marburg-outbreak-in-rwanda",
  "title": "WHO Declares End of Marburg Outbreak in Rwanda",
  "summary": "Forty-two days without a new case means the outbreak is over, the World Health Organization said, praising a fast vaccine trial.",
  "body": "The World Health Organization declared Rwanda’s Marburg virus outbreak over after 42 days without a new case, crediting rapid contact tracing and an experimental vaccine trial that began within ten days of the first confirmed infection.\n\nThe outbreak infected 66 people, most of them health workers, and killed 15. Rwanda’s health minister said the country would keep its isolation centres ready and continue monitoring survivors.",
  "author": "Ivan Petrov",
  "category": "health",
  "tags": [
   "rwanda",
   "marburg",
   "vaccine"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-08-26T14:00:00Z",
  "createdAt": "2025-08-26T13:20:00Z",
  "updatedAt": "2025-08-26T14:00:00Z",
  "related": []
 },
 {
  "id": "d7c3t1a5k9",
  "slug": "ceasefire-talks-resume-as-aid-convoys-wait-at-the-border",
  "title": "Ceasefire Talks Resume as Aid Convoys Wait at the Border",
  "summary": "Negotiators returned to Doha while hundreds of lorries carrying food and medicine queued at the crossing.",
  "body": "Negotiators returned to Doha on Wednesday for a new round of ceasefire talks, as hundreds of lorries carrying food, fuel and medicine waited at the border crossing for permission to enter.\n\nMediators said gaps remained over the sequencing of a truce and the release of detainees. Aid agencies warned that supplies inside were running out and urged both sides to open a humanitarian corridor regardless of the outcome of the talks.",
  "author": "Staff Reporter",
  "category": "world",
  "tags": [
   "ceasefire",
   "aid",
   "middle-east"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2025-09-03T16:20:00Z",
  "createdAt": "2025-09-03T15:40:00Z",
  "updatedAt": "2025-09-04T08:00:00Z",
  "related": []
 },
 {
  "id": "r5d8f2a6t4",
  "slug": "budget-preview-what-to-expect-from-the-finance-minister",
  "title": "Budget Preview: What to Expect From the Finance Minister",
  "summary": "Draft: spending pressures, the debt bill and the tax measures on the table.",
  "body": "Draft — not for publication. Outline: debt service costs, public sector wages, fuel subsidy, proposed excise changes.\n\nNeed quotes from two economists and the opposition finance spokesperson.",
  "author": "John Smith",
  "category": "politics",
  "tags": [
   "budget",
   "economy"
  ],
  "language": "en",
  "breaking": false,
  "status": "draft",
  "publishedAt": null,
  "createdAt": "2025-09-06T05:00:00Z",
  "updatedAt": "2025-09-06T05:30:00Z",
  "related": []
 },
 {
  "id": "e1l4v7a2r8",
  "slug": "election-day-live-polls-open-across-the-country",
  "title": "Election Day Live: Polls Open Across the Country",
  "summary": "Our live coverage of election day, now archived.",
  "body": "Polling stations opened at 6 a.m. with long queues reported in the capital.\n\nThis live page is no longer updated; see our results coverage.",
  "author": "Staff Reporter",
  "category": "politics",
  "tags": [
   "election"
  ],
  "language": "en",
  "breaking": false,
  "status": "archived",
  "publishedAt": "2024-08-09T03:00:00Z",
  "createdAt": "2024-08-09T02:30:00Z",
  "updatedAt": "2024-08-10T00:00:00Z",
  "related": []
 },
 {
  "id": "s8c2h9e5d3",
  "slug": "africa-climate-summit-opens-in-nairobi",
  "title": "Africa Climate Summit Opens in Nairobi",
  "summary": "Scheduled: heads of state gather to press for climate finance and adaptation funding.",
  "body": "Heads of state and ministers from across the continent gather in Nairobi for the Africa Climate Summit, pressing rich countries for adaptation funding.\n\nDrought, floods and landslides across the region are expected to dominate the agenda.",
  "author": "Grace Mwangi",
  "category": "climate",
  "tags": [
   "kenya",
   "climate-change",
   "summit"
  ],
  "language": "en",
  "breaking": false,
  "status": "published",
  "publishedAt": "2099-06-01T06:00:00Z",
  "createdAt": "2025-09-06T04:00:00Z",
  "updatedAt": "2025-09-06T04:00:00Z",
  "related": []
 }
]
"""#
}
