/**
 * The small, hand-written lists the demo data generator draws from: countries (region, share of
 * customers, VAT, phone and IBAN layouts, cities with postal-code templates), names and streets
 * per language, the product vocabulary, marketing vocabulary and the warehouses.
 *
 * Templates: `#` is a digit, `%` a digit from 2 to 9, `@` an upper-case letter; every other
 * character is kept. All names are invented or common; none belongs to a real person.
 */

export type Region = 'EU' | 'NA' | 'APAC' | 'LATAM';

/** A list written as one comma-separated string (keeps long lists of short words readable). */
function list(items: string): string[] {
  return items.split(', ');
}

export interface CountryRef {
  readonly code: string;
  readonly region: Region;
  /** Share of all customers, in percent (the shares add up to 100). */
  readonly share: number;
  /** Names and e-mail conventions. */
  readonly lang: string;
  /** How street addresses are written. */
  readonly streetStyle: string;
  /** VAT or sales tax rate applied at checkout. */
  readonly vat: number;
  /** Hours to add to local time to get UTC (a typical offset for the country's shoppers). */
  readonly utcShift: number;
  /** Phone numbers as people type them (E.164 once spaces are removed). */
  readonly phones: readonly string[];
  /** Basic bank account number layouts (the IBAN without country and check digits); SEPA countries only. */
  readonly bban?: readonly string[];
  /** Mailbox providers, most popular first. */
  readonly mailDomains: readonly string[];
  /** Top-level domain of company e-mail addresses. */
  readonly companyTld: string;
  /** Cities, biggest first, with their postal-code template. */
  readonly cities: readonly (readonly [city: string, postalCode: string])[];
}

export const COUNTRIES: readonly CountryRef[] = [
  {
    code: 'DE',
    region: 'EU',
    share: 11,
    lang: 'de',
    streetStyle: 'de',
    vat: 0.19,
    utcShift: -1,
    phones: ['+49 151 ########', '+49 160 #######', '+49 176 ########', '+49 30 ########', '+49 89 #######'],
    bban: ['##################'],
    mailDomains: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'outlook.de', 'posteo.de'],
    companyTld: 'de',
    cities: [
      ['Berlin', '1####'],
      ['Hamburg', '2####'],
      ['München', '8####'],
      ['Köln', '50###'],
      ['Frankfurt am Main', '60###'],
      ['Stuttgart', '70###'],
      ['Düsseldorf', '40###'],
      ['Leipzig', '04###'],
      ['Dresden', '01###'],
      ['Hannover', '30###'],
    ],
  },
  {
    code: 'FR',
    region: 'EU',
    share: 8,
    lang: 'fr',
    streetStyle: 'fr',
    vat: 0.2,
    utcShift: -1,
    phones: ['+33 6 ## ## ## ##', '+33 7 ## ## ## ##', '+33 1 ## ## ## ##'],
    bban: ['#######################'],
    mailDomains: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'hotmail.fr'],
    companyTld: 'fr',
    cities: [
      ['Paris', '750##'],
      ['Marseille', '130##'],
      ['Lyon', '6900#'],
      ['Toulouse', '310##'],
      ['Nice', '060##'],
      ['Nantes', '440##'],
      ['Bordeaux', '330##'],
      ['Lille', '590##'],
    ],
  },
  {
    code: 'IT',
    region: 'EU',
    share: 5,
    lang: 'it',
    streetStyle: 'it',
    vat: 0.22,
    utcShift: -1,
    phones: ['+39 3## ### ####', '+39 06 #### ####'],
    bban: ['@######################'],
    mailDomains: ['gmail.com', 'libero.it', 'virgilio.it', 'hotmail.it'],
    companyTld: 'it',
    cities: [
      ['Roma', '001##'],
      ['Milano', '201##'],
      ['Napoli', '801##'],
      ['Torino', '101##'],
      ['Bologna', '401##'],
      ['Firenze', '501##'],
    ],
  },
  {
    code: 'ES',
    region: 'EU',
    share: 5,
    lang: 'es',
    streetStyle: 'es',
    vat: 0.21,
    utcShift: -1,
    phones: ['+34 6## ### ###', '+34 91# ### ###'],
    bban: ['####################'],
    mailDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
    companyTld: 'es',
    cities: [
      ['Madrid', '280##'],
      ['Barcelona', '080##'],
      ['Valencia', '460##'],
      ['Sevilla', '410##'],
      ['Zaragoza', '500##'],
      ['Bilbao', '480##'],
    ],
  },
  {
    code: 'NL',
    region: 'EU',
    share: 4,
    lang: 'nl',
    streetStyle: 'nl',
    vat: 0.21,
    utcShift: -1,
    phones: ['+31 6 ########', '+31 20 ### ####'],
    bban: ['ABNA##########', 'RABO##########', 'INGB##########', 'TRIO##########', 'SNSB##########', 'BUNQ##########'],
    mailDomains: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.nl'],
    companyTld: 'nl',
    cities: [
      ['Amsterdam', '10## @@'],
      ['Rotterdam', '30## @@'],
      ['Den Haag', '25## @@'],
      ['Utrecht', '35## @@'],
      ['Eindhoven', '56## @@'],
    ],
  },
  {
    code: 'PL',
    region: 'EU',
    share: 3,
    lang: 'pl',
    streetStyle: 'pl',
    vat: 0.23,
    utcShift: -1,
    phones: ['+48 5## ### ###', '+48 6## ### ###', '+48 22 ### ## ##'],
    bban: ['########################'],
    mailDomains: ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'],
    companyTld: 'pl',
    cities: [
      ['Warszawa', '0#-###'],
      ['Kraków', '3#-###'],
      ['Łódź', '9#-###'],
      ['Wrocław', '5#-###'],
      ['Poznań', '6#-###'],
      ['Gdańsk', '80-###'],
    ],
  },
  {
    code: 'SE',
    region: 'EU',
    share: 2,
    lang: 'nordic',
    streetStyle: 'nordic',
    vat: 0.25,
    utcShift: -1,
    phones: ['+46 70 ### ## ##', '+46 73 ### ## ##', '+46 8 ### ### ##'],
    bban: ['####################'],
    mailDomains: ['gmail.com', 'telia.com', 'hotmail.se', 'bredband.net'],
    companyTld: 'se',
    cities: [
      ['Stockholm', '1## ##'],
      ['Göteborg', '41# ##'],
      ['Malmö', '21# ##'],
      ['Uppsala', '75# ##'],
    ],
  },
  {
    code: 'BE',
    region: 'EU',
    share: 2,
    lang: 'nl',
    streetStyle: 'nl',
    vat: 0.21,
    utcShift: -1,
    phones: ['+32 47# ## ## ##', '+32 2 ### ## ##'],
    bban: ['############'],
    mailDomains: ['gmail.com', 'telenet.be', 'skynet.be', 'proximus.be'],
    companyTld: 'be',
    cities: [
      ['Brussel', '10#0'],
      ['Antwerpen', '2###'],
      ['Gent', '90#0'],
      ['Leuven', '3000'],
      ['Liège', '40#0'],
    ],
  },
  {
    code: 'AT',
    region: 'EU',
    share: 1.5,
    lang: 'de',
    streetStyle: 'de',
    vat: 0.2,
    utcShift: -1,
    phones: ['+43 664 #######', '+43 676 #######', '+43 1 #######'],
    bban: ['################'],
    mailDomains: ['gmail.com', 'gmx.at', 'aon.at', 'chello.at'],
    companyTld: 'at',
    cities: [
      ['Wien', '1##0'],
      ['Graz', '80#0'],
      ['Linz', '40#0'],
      ['Salzburg', '50#0'],
      ['Innsbruck', '60#0'],
    ],
  },
  {
    code: 'DK',
    region: 'EU',
    share: 1,
    lang: 'nordic',
    streetStyle: 'nordic',
    vat: 0.25,
    utcShift: -1,
    phones: ['+45 2# ## ## ##', '+45 3# ## ## ##'],
    bban: ['##############'],
    mailDomains: ['gmail.com', 'mail.dk', 'hotmail.dk', 'jubii.dk'],
    companyTld: 'dk',
    cities: [
      ['København', '1###'],
      ['Aarhus', '80#0'],
      ['Odense', '5000'],
      ['Aalborg', '9000'],
    ],
  },
  {
    code: 'IE',
    region: 'EU',
    share: 1,
    lang: 'en',
    streetStyle: 'en_small',
    vat: 0.23,
    utcShift: 0,
    phones: ['+353 8% ### ####', '+353 1 ### ####'],
    bban: ['AIBK##############', 'BOFI##############', 'IPBS##############'],
    mailDomains: ['gmail.com', 'eircom.net', 'hotmail.com'],
    companyTld: 'ie',
    cities: [
      ['Dublin', 'D0% @#@#'],
      ['Cork', 'T12 @#@#'],
      ['Galway', 'H91 @#@#'],
      ['Limerick', 'V94 @#@#'],
    ],
  },
  {
    code: 'FI',
    region: 'EU',
    share: 0.8,
    lang: 'nordic',
    streetStyle: 'nordic',
    vat: 0.255,
    utcShift: -2,
    phones: ['+358 40 ### ####', '+358 50 ### ####'],
    bban: ['##############'],
    mailDomains: ['gmail.com', 'luukku.com', 'elisa.fi'],
    companyTld: 'fi',
    cities: [
      ['Helsinki', '00##0'],
      ['Espoo', '02##0'],
      ['Tampere', '33##0'],
      ['Turku', '20##0'],
    ],
  },
  {
    code: 'PT',
    region: 'EU',
    share: 0.7,
    lang: 'pt',
    streetStyle: 'pt',
    vat: 0.23,
    utcShift: 0,
    phones: ['+351 91# ### ###', '+351 96# ### ###', '+351 21# ### ###'],
    bban: ['#####################'],
    mailDomains: ['gmail.com', 'sapo.pt', 'hotmail.com'],
    companyTld: 'pt',
    cities: [
      ['Lisboa', '1###-###'],
      ['Porto', '4###-###'],
      ['Braga', '47##-###'],
      ['Coimbra', '30##-###'],
    ],
  },
  {
    code: 'US',
    region: 'NA',
    share: 24,
    lang: 'en',
    streetStyle: 'en',
    vat: 0.07,
    utcShift: 6,
    phones: [
      '+1 212 %## ####',
      '+1 415 %## ####',
      '+1 312 %## ####',
      '+1 713 %## ####',
      '+1 206 %## ####',
      '+1 617 %## ####',
    ],
    mailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'comcast.net'],
    companyTld: 'com',
    cities: [
      ['New York', '100##'],
      ['Los Angeles', '900##'],
      ['Chicago', '606##'],
      ['Houston', '770##'],
      ['Phoenix', '850##'],
      ['Boston', '021##'],
      ['Seattle', '981##'],
      ['Miami', '331##'],
      ['Atlanta', '303##'],
      ['Denver', '802##'],
      ['Newark', '071##'],
      ['San Francisco', '941##'],
    ],
  },
  {
    code: 'CA',
    region: 'NA',
    share: 4,
    lang: 'en',
    streetStyle: 'en',
    vat: 0.13,
    utcShift: 5,
    phones: ['+1 416 %## ####', '+1 604 %## ####', '+1 514 %## ####'],
    mailDomains: ['gmail.com', 'outlook.com', 'yahoo.ca', 'rogers.com', 'shaw.ca'],
    companyTld: 'ca',
    cities: [
      ['Toronto', 'M#@ #@#'],
      ['Montréal', 'H#@ #@#'],
      ['Vancouver', 'V#@ #@#'],
      ['Calgary', 'T#@ #@#'],
      ['Ottawa', 'K#@ #@#'],
    ],
  },
  {
    code: 'MX',
    region: 'NA',
    share: 2,
    lang: 'es',
    streetStyle: 'es',
    vat: 0.16,
    utcShift: 6,
    phones: ['+52 55 #### ####', '+52 33 #### ####', '+52 81 #### ####'],
    mailDomains: ['gmail.com', 'hotmail.com', 'yahoo.com.mx', 'prodigy.net.mx'],
    companyTld: 'com.mx',
    cities: [
      ['Ciudad de México', '0####'],
      ['Guadalajara', '44###'],
      ['Monterrey', '64###'],
      ['Puebla', '72###'],
    ],
  },
  {
    code: 'AU',
    region: 'APAC',
    share: 4,
    lang: 'en',
    streetStyle: 'en_small',
    vat: 0.1,
    utcShift: -10,
    phones: ['+61 4## ### ###', '+61 2 #### ####'],
    mailDomains: ['gmail.com', 'bigpond.com', 'outlook.com', 'optusnet.com.au'],
    companyTld: 'com.au',
    cities: [
      ['Sydney', '2###'],
      ['Melbourne', '3###'],
      ['Brisbane', '4###'],
      ['Perth', '6###'],
      ['Adelaide', '5###'],
      ['Darwin', '08##'],
    ],
  },
  {
    code: 'JP',
    region: 'APAC',
    share: 4,
    lang: 'ja',
    streetStyle: 'ja',
    vat: 0.1,
    utcShift: -9,
    phones: ['+81 90 #### ####', '+81 80 #### ####', '+81 3 #### ####'],
    mailDomains: ['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp', 'icloud.com'],
    companyTld: 'co.jp',
    cities: [
      ['Tokyo', '1##-####'],
      ['Osaka', '53#-####'],
      ['Yokohama', '22#-####'],
      ['Nagoya', '45#-####'],
      ['Sapporo', '06#-####'],
      ['Fukuoka', '81#-####'],
    ],
  },
  {
    code: 'IN',
    region: 'APAC',
    share: 3,
    lang: 'in',
    streetStyle: 'in',
    vat: 0.18,
    utcShift: -5,
    phones: ['+91 9#### #####', '+91 8#### #####', '+91 7#### #####'],
    mailDomains: ['gmail.com', 'yahoo.co.in', 'rediffmail.com', 'outlook.com'],
    companyTld: 'in',
    cities: [
      ['Mumbai', '400###'],
      ['Delhi', '110###'],
      ['Bengaluru', '560###'],
      ['Chennai', '600###'],
      ['Hyderabad', '500###'],
      ['Pune', '411###'],
    ],
  },
  {
    code: 'KR',
    region: 'APAC',
    share: 2,
    lang: 'ko',
    streetStyle: 'ko',
    vat: 0.1,
    utcShift: -9,
    phones: ['+82 10 #### ####'],
    mailDomains: ['naver.com', 'daum.net', 'gmail.com', 'kakao.com'],
    companyTld: 'co.kr',
    cities: [
      ['Seoul', '0####'],
      ['Busan', '4####'],
      ['Incheon', '2####'],
      ['Daejeon', '3####'],
    ],
  },
  {
    code: 'SG',
    region: 'APAC',
    share: 1,
    lang: 'sg',
    streetStyle: 'en_small',
    vat: 0.09,
    utcShift: -8,
    phones: ['+65 9### ####', '+65 8### ####'],
    mailDomains: ['gmail.com', 'singnet.com.sg', 'yahoo.com.sg'],
    companyTld: 'com.sg',
    cities: [
      ['Singapore', '0#####'],
      ['Singapore', '1#####'],
      ['Singapore', '5#####'],
    ],
  },
  {
    code: 'NZ',
    region: 'APAC',
    share: 1,
    lang: 'en',
    streetStyle: 'en_small',
    vat: 0.15,
    utcShift: -12,
    phones: ['+64 21 ### ####', '+64 27 ### ####'],
    mailDomains: ['gmail.com', 'xtra.co.nz', 'outlook.com'],
    companyTld: 'co.nz',
    cities: [
      ['Auckland', '0###'],
      ['Wellington', '6###'],
      ['Christchurch', '8###'],
    ],
  },
  {
    code: 'BR',
    region: 'LATAM',
    share: 5,
    lang: 'pt',
    streetStyle: 'pt',
    vat: 0.17,
    utcShift: 3,
    phones: ['+55 11 9#### ####', '+55 21 9#### ####', '+55 31 9#### ####'],
    mailDomains: ['gmail.com', 'hotmail.com', 'uol.com.br', 'bol.com.br', 'terra.com.br'],
    companyTld: 'com.br',
    cities: [
      ['São Paulo', '0####-###'],
      ['Rio de Janeiro', '2####-###'],
      ['Belo Horizonte', '3####-###'],
      ['Curitiba', '8####-###'],
      ['Porto Alegre', '9####-###'],
    ],
  },
  {
    code: 'AR',
    region: 'LATAM',
    share: 2,
    lang: 'es',
    streetStyle: 'es',
    vat: 0.21,
    utcShift: 3,
    phones: ['+54 9 11 #### ####', '+54 9 351 ### ####'],
    mailDomains: ['gmail.com', 'hotmail.com', 'yahoo.com.ar', 'fibertel.com.ar'],
    companyTld: 'com.ar',
    cities: [
      ['Buenos Aires', 'C1###@@@'],
      ['Córdoba', 'X5000@@@'],
      ['Rosario', 'S2000@@@'],
      ['Mendoza', 'M5500@@@'],
    ],
  },
  {
    code: 'CL',
    region: 'LATAM',
    share: 1.5,
    lang: 'es',
    streetStyle: 'es',
    vat: 0.19,
    utcShift: 4,
    phones: ['+56 9 #### ####'],
    mailDomains: ['gmail.com', 'hotmail.com', 'vtr.net'],
    companyTld: 'cl',
    cities: [
      ['Santiago', '83#####'],
      ['Valparaíso', '23#####'],
      ['Concepción', '40#####'],
    ],
  },
  {
    code: 'CO',
    region: 'LATAM',
    share: 1.5,
    lang: 'es',
    streetStyle: 'es',
    vat: 0.19,
    utcShift: 5,
    phones: ['+57 3## ### ####'],
    mailDomains: ['gmail.com', 'hotmail.com', 'yahoo.es'],
    companyTld: 'com.co',
    cities: [
      ['Bogotá', '11####'],
      ['Medellín', '05####'],
      ['Cali', '76####'],
      ['Barranquilla', '08####'],
    ],
  },
];

/** Given and family names per language (comma-separated). */
export const NAMES: Readonly<Record<string, { readonly first: readonly string[]; readonly last: readonly string[] }>> =
  {
    de: {
      first: list(
        'Anna, Lukas, Marie, Felix, Sophie, Jonas, Lena, Maximilian, Laura, Paul, Hannah, Leon, Julia, Tobias, Katrin, Stefan, Sabine, Jürgen, Ursula, Matthias, Jana, Niklas, Petra, Florian',
      ),
      last: list(
        'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Koch, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Braun, Zimmermann, Krüger, Hofmann, Hartmann, Lange, Weiß',
      ),
    },
    fr: {
      first: list(
        'Camille, Lucas, Léa, Hugo, Chloé, Louis, Manon, Gabriel, Inès, Jules, Sarah, Arthur, Émilie, Nicolas, Julie, Antoine, Céline, Thomas, Mathilde, Pierre, Aurélie, Maxime, Élodie, Romain',
      ),
      last: list(
        'Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefèbvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Mercier',
      ),
    },
    it: {
      first: list(
        'Giulia, Francesco, Sofia, Alessandro, Aurora, Lorenzo, Martina, Matteo, Chiara, Leonardo, Giorgia, Andrea, Federica, Marco, Elena, Luca, Valentina, Davide, Sara, Simone, Alessia, Riccardo, Francesca, Paolo',
      ),
      last: list(
        'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Costa, Giordano, Mancini, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani',
      ),
    },
    es: {
      first: list(
        'Lucía, Hugo, María, Martín, Paula, Daniel, Sofía, Alejandro, Carmen, Pablo, Valentina, Javier, Isabel, Diego, Elena, Carlos, Ana, Sergio, Laura, Mateo, Camila, José, Gabriela, Andrés',
      ),
      last: list(
        'García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Torres, Ramírez, Flores, Castillo, Vargas, Rojas',
      ),
    },
    nl: {
      first: list(
        'Emma, Daan, Julia, Sem, Tess, Lucas, Sophie, Finn, Anna, Milan, Fleur, Thijs, Lotte, Bram, Sanne, Jeroen, Eva, Ruben, Noor, Pieter, Femke, Lars, Marloes, Wouter',
      ),
      last: list(
        'de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, Maes, Peeters, Claes, Willems',
      ),
    },
    pl: {
      first: list(
        'Zuzanna, Jakub, Julia, Antoni, Maja, Jan, Hanna, Szymon, Aleksandra, Filip, Natalia, Kacper, Agnieszka, Piotr, Katarzyna, Tomasz, Magdalena, Paweł, Joanna, Michał, Monika, Krzysztof, Ewa, Łukasz',
      ),
      last: list(
        'Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Król, Wieczorek, Jabłoński',
      ),
    },
    nordic: {
      first: list(
        'Alice, William, Maja, Oscar, Elsa, Lucas, Astrid, Emil, Freja, Noah, Ida, Magnus, Sofie, Mikkel, Aino, Eero, Ingrid, Henrik, Linnea, Anders, Karin, Mads, Sanna, Johan',
      ),
      last: list(
        'Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Lindqvist, Nielsen, Jensen, Hansen, Pedersen, Sørensen, Rasmussen, Korhonen, Virtanen, Mäkinen, Nieminen, Lindberg, Berg, Holm, Lund',
      ),
    },
    en: {
      first: list(
        'Olivia, James, Emma, Liam, Ava, Noah, Sophia, Ethan, Isabella, Mason, Mia, Logan, Charlotte, Benjamin, Amelia, Jacob, Harper, Michael, Emily, Daniel, Grace, Ryan, Chloe, Jack, Aoife, Sean, Zoe, Tyler',
      ),
      last: list(
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Jackson, White, Harris, Martin, Thompson, Walker, Young, King, Wright, Murphy, O'Brien, Kelly, Campbell, Nguyen, Patel, Robinson",
      ),
    },
    pt: {
      first: list(
        'Ana, João, Maria, Pedro, Beatriz, Gabriel, Mariana, Lucas, Júlia, Miguel, Larissa, Rafael, Fernanda, Tiago, Camila, Rodrigo, Inês, Bruno, Letícia, Gustavo, Carolina, Diogo, Patrícia, Vinícius',
      ),
      last: list(
        'Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida, Nascimento, Lima, Araújo, Fernandes, Carvalho, Gomes, Martins, Rocha, Ribeiro, Alves, Monteiro, Mendes, Barros, Freitas, Cardoso, Teixeira',
      ),
    },
    ja: {
      first: list(
        'Haruto, Yui, Sota, Hina, Riku, Aoi, Yuto, Sakura, Kaito, Mio, Ren, Yuna, Takumi, Akari, Daiki, Emi, Kenji, Yoko, Hiroshi, Naomi, Shota, Ayaka, Taro, Keiko',
      ),
      last: list(
        'Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Yamazaki, Mori, Abe, Ikeda, Hashimoto',
      ),
    },
    ko: {
      first: list(
        'Minjun, Seoyeon, Jiho, Jiwoo, Seojun, Haeun, Doyoon, Sua, Yejun, Jimin, Hyunwoo, Eunji, Jisoo, Taeyang, Minseo, Joon, Soyeon, Dongha, Yerin, Sungmin',
      ),
      last: list(
        'Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, Hwang, Ahn, Song, Yoo, Hong',
      ),
    },
    in: {
      first: list(
        'Aarav, Ananya, Vivaan, Diya, Aditya, Isha, Arjun, Saanvi, Rohan, Priya, Karan, Kavya, Rahul, Neha, Vikram, Pooja, Sanjay, Meera, Amit, Lakshmi, Nikhil, Anjali, Rajesh, Sunita',
      ),
      last: list(
        'Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Mehta, Joshi, Desai, Shah, Verma, Chopra, Malhotra, Bhat, Pillai, Menon, Kapoor, Das, Banerjee, Mukherjee, Agarwal',
      ),
    },
    sg: {
      first: list(
        'Wei Ling, Jun Jie, Hui Min, Zhi Hao, Mei Ling, Jia Hui, Kai Wen, Xin Yi, Siti, Muhammad, Nur, Ravi, Priya, Daniel, Rachel, Marcus, Cheryl, Bryan, Joanne, Darren',
      ),
      last: list(
        'Tan, Lim, Lee, Ng, Ong, Wong, Goh, Chua, Chan, Koh, Teo, Ang, Yeo, Tay, Ho, Low, Rahman, Abdullah, Kumar, Pillai',
      ),
    },
  };

/** How a street address is written, with its street names: `{s}` street, `{n}` number. */
export const STREETS: Readonly<
  Record<
    string,
    { readonly format: string; readonly numbers: readonly [number, number]; readonly names: readonly string[] }
  >
> = {
  de: {
    format: '{s} {n}',
    numbers: [1, 160],
    names: list(
      'Hauptstraße, Bahnhofstraße, Goethestraße, Schillerstraße, Lindenweg, Am Markt, Gartenstraße, Bergstraße, Kirchweg, Mozartstraße, Rosenweg, Birkenallee, Friedrichstraße, Ringstraße',
    ),
  },
  fr: {
    format: '{n} {s}',
    numbers: [1, 120],
    names: list(
      'rue de la République, avenue Victor Hugo, boulevard Voltaire, rue Pasteur, place de la Liberté, rue des Lilas, chemin des Vignes, allée des Tilleuls, rue Jean Jaurès, avenue de la Gare',
    ),
  },
  it: {
    format: '{s} {n}',
    numbers: [1, 200],
    names: list(
      'Via Roma, Via Garibaldi, Corso Italia, Via Mazzini, Viale dei Mille, Piazza Dante, Via Verdi, Via Cavour, Via Dante Alighieri, Corso Vittorio Emanuele',
    ),
  },
  es: {
    format: '{s}, {n}',
    numbers: [1, 150],
    names: list(
      'Calle Mayor, Avenida de la Constitución, Calle de Alcalá, Gran Vía, Calle Real, Paseo de la Reforma, Calle del Sol, Avenida Libertador, Calle San Martín, Avenida Providencia',
    ),
  },
  nl: {
    format: '{s} {n}',
    numbers: [1, 250],
    names: list(
      'Kerkstraat, Dorpsstraat, Stationsweg, Molenweg, Schoolstraat, Julianalaan, Beukenlaan, Prinsengracht, Nieuwstraat, Kapelstraat',
    ),
  },
  pl: {
    format: 'ul. {s} {n}',
    numbers: [1, 120],
    names: list(
      'Marszałkowska, Długa, Polna, Leśna, Słoneczna, Kościuszki, Mickiewicza, Ogrodowa, Piłsudskiego, Szkolna',
    ),
  },
  nordic: {
    format: '{s} {n}',
    numbers: [1, 80],
    names: list(
      'Storgatan, Drottninggatan, Kungsgatan, Vestergade, Nørregade, Mannerheimintie, Hämeenkatu, Skolgatan, Strandvejen, Kirkegade',
    ),
  },
  en: {
    format: '{n} {s}',
    numbers: [100, 9800],
    names: list(
      'Main Street, Oak Avenue, Maple Drive, Park Road, Elm Street, Cedar Court, Lakeview Drive, Washington Avenue, Sunset Boulevard, Pine Street, Highland Avenue, River Road',
    ),
  },
  en_small: {
    format: '{n} {s}',
    numbers: [1, 180],
    names: list(
      'High Street, Church Lane, Victoria Road, George Street, Queen Street, Station Road, Orchard Road, Harbour Street, Park Lane, King Street',
    ),
  },
  pt: {
    format: '{s}, {n}',
    numbers: [1, 1800],
    names: list(
      'Rua Augusta, Avenida Paulista, Rua da Liberdade, Rua das Flores, Avenida Atlântica, Rua do Comércio, Rua Direita, Avenida Brasil, Rua XV de Novembro, Avenida da República',
    ),
  },
  ja: {
    format: '{s} {n}-{n2}',
    numbers: [1, 30],
    names: list('Jingumae, Shibuya, Umeda, Sakae, Tenjin, Nishiki, Ginza, Shinjuku, Namba, Minatomirai'),
  },
  ko: {
    format: '{n} {s}',
    numbers: [1, 500],
    names: list(
      'Teheran-ro, Gangnam-daero, Sejong-daero, Jong-ro, Haeundae-ro, Olympic-ro, Hangang-daero, Dosan-daero',
    ),
  },
  in: {
    format: '{n}, {s}',
    numbers: [1, 300],
    names: list(
      'MG Road, Park Street, Brigade Road, Linking Road, Anna Salai, Residency Road, Station Road, Nehru Nagar, Gandhi Marg, Lake View Road',
    ),
  },
};

/** Words for company e-mail domains of business customers: `<last name>-<word>.<tld>`. */
export const COMPANY_WORDS = [
  'group',
  'solutions',
  'trading',
  'consulting',
  'systems',
  'partners',
  'logistics',
  'studio',
  'labs',
  'works',
];

/** Product catalog: categories with their share of SKUs, subcategories with price ranges (EUR) and weights (g). */
export const CATEGORIES: readonly {
  readonly name: string;
  readonly share: number;
  readonly brands: readonly string[];
  readonly subcategories: readonly {
    readonly name: string;
    readonly price: readonly [number, number];
    readonly grams: readonly [number, number];
    readonly nouns: readonly string[];
  }[];
}[] = [
  {
    name: 'Electronics',
    share: 20,
    brands: ['Voltra', 'Nexio', 'Lumetra', 'Sonique', 'Pixelon', 'Qubit'],
    subcategories: [
      { name: 'Smartphones', price: [199, 1299], grams: [150, 240], nouns: ['Smartphone', 'Phone 5G'] },
      { name: 'Laptops', price: [399, 2499], grams: [1100, 2600], nouns: ['Laptop', 'Notebook', 'Ultrabook'] },
      { name: 'Headphones', price: [19, 399], grams: [40, 350], nouns: ['Wireless Headphones', 'Earbuds', 'Headset'] },
      { name: 'Tablets', price: [149, 1199], grams: [300, 700], nouns: ['Tablet', 'E-Reader'] },
      {
        name: 'Smart Home',
        price: [19, 249],
        grams: [100, 900],
        nouns: ['Smart Speaker', 'Smart Plug', 'Video Doorbell', 'Thermostat'],
      },
      {
        name: 'Cameras',
        price: [249, 2999],
        grams: [300, 1200],
        nouns: ['Mirrorless Camera', 'Action Camera', 'Lens 50mm'],
      },
      {
        name: 'Accessories',
        price: [5, 79],
        grams: [20, 300],
        nouns: ['USB-C Cable', 'Charger 65W', 'Power Bank', 'Phone Case'],
      },
      { name: 'TV', price: [299, 2999], grams: [7000, 28000], nouns: ['4K TV 55"', 'OLED TV 65"', 'Soundbar'] },
    ],
  },
  {
    name: 'Home',
    share: 12,
    brands: ['Nordhem', 'Casavia', 'Linnea Living', 'Oakroot'],
    subcategories: [
      {
        name: 'Furniture',
        price: [49, 1499],
        grams: [3000, 45000],
        nouns: ['Dining Table', 'Armchair', 'Bookshelf', 'Desk'],
      },
      { name: 'Lighting', price: [15, 299], grams: [300, 4000], nouns: ['Floor Lamp', 'Pendant Light', 'Desk Lamp'] },
      { name: 'Bedding', price: [19, 249], grams: [500, 3000], nouns: ['Duvet', 'Pillow Set', 'Bed Linen'] },
      { name: 'Decor', price: [5, 149], grams: [100, 2500], nouns: ['Vase', 'Wall Mirror', 'Scented Candle', 'Rug'] },
      {
        name: 'Storage',
        price: [9, 199],
        grams: [400, 8000],
        nouns: ['Storage Box', 'Shoe Rack', 'Wardrobe Organizer'],
      },
    ],
  },
  {
    name: 'Kitchen',
    share: 10,
    brands: ['Culina', 'Brava', 'Kochwerk', 'Sapore'],
    subcategories: [
      { name: 'Cookware', price: [15, 299], grams: [500, 4000], nouns: ['Frying Pan', 'Cast Iron Pot', 'Knife Set'] },
      {
        name: 'Small Appliances',
        price: [29, 699],
        grams: [1000, 6000],
        nouns: ['Blender', 'Air Fryer', 'Toaster', 'Stand Mixer'],
      },
      { name: 'Tableware', price: [5, 149], grams: [200, 3000], nouns: ['Dinner Set', 'Glass Set', 'Cutlery Set'] },
      {
        name: 'Coffee',
        price: [49, 1299],
        grams: [1500, 12000],
        nouns: ['Espresso Machine', 'Coffee Grinder', 'Milk Frother'],
      },
    ],
  },
  {
    name: 'Fashion',
    share: 22,
    brands: ['Altura', 'Maison Lio', 'Northway', 'Vela', 'Kiruna Outdoor'],
    subcategories: [
      { name: 'Womenswear', price: [15, 249], grams: [150, 1200], nouns: ['Dress', 'Blouse', 'Wool Coat', 'Jeans'] },
      { name: 'Menswear', price: [15, 249], grams: [150, 1400], nouns: ['Shirt', 'Chinos', 'Jacket', 'Sweater'] },
      { name: 'Shoes', price: [29, 299], grams: [500, 1600], nouns: ['Sneakers', 'Boots', 'Loafers', 'Sandals'] },
      { name: 'Bags', price: [19, 399], grams: [300, 1500], nouns: ['Backpack', 'Tote Bag', 'Weekender'] },
      { name: 'Accessories', price: [9, 149], grams: [30, 400], nouns: ['Scarf', 'Belt', 'Sunglasses', 'Cap'] },
    ],
  },
  {
    name: 'Sports',
    share: 9,
    brands: ['Peakform', 'Strida', 'Velocita'],
    subcategories: [
      { name: 'Fitness', price: [9, 999], grams: [300, 30000], nouns: ['Yoga Mat', 'Dumbbell Set', 'Rowing Machine'] },
      { name: 'Cycling', price: [19, 2999], grams: [200, 16000], nouns: ['Helmet', 'Bike Light', 'Gravel Bike'] },
      { name: 'Outdoor', price: [15, 599], grams: [300, 5000], nouns: ['Tent', 'Sleeping Bag', 'Hiking Poles'] },
      {
        name: 'Running',
        price: [19, 249],
        grams: [100, 800],
        nouns: ['Running Shoes', 'Running Vest', 'Sports Watch'],
      },
    ],
  },
  {
    name: 'Beauty',
    share: 8,
    brands: ['Lumiere', 'Verdant', 'Solea'],
    subcategories: [
      { name: 'Skincare', price: [5, 99], grams: [50, 400], nouns: ['Face Cream', 'Serum', 'Sunscreen SPF50'] },
      { name: 'Fragrance', price: [19, 179], grams: [150, 500], nouns: ['Eau de Parfum', 'Eau de Toilette'] },
      { name: 'Haircare', price: [5, 299], grams: [100, 1200], nouns: ['Shampoo', 'Hair Dryer', 'Straightener'] },
    ],
  },
  {
    name: 'Toys',
    share: 7,
    brands: ['Blocko', 'Tinytown', 'Funfare'],
    subcategories: [
      { name: 'Building Sets', price: [9, 299], grams: [200, 3000], nouns: ['Building Set', 'Marble Run'] },
      { name: 'Games', price: [9, 99], grams: [300, 1500], nouns: ['Board Game', 'Puzzle 1000', 'Card Game'] },
      { name: 'Dolls', price: [9, 99], grams: [150, 1000], nouns: ['Doll', 'Plush Bear', 'Doll House'] },
      {
        name: 'Outdoor Toys',
        price: [19, 299],
        grams: [500, 12000],
        nouns: ['Scooter', 'Trampoline', 'Water Blaster'],
      },
    ],
  },
  {
    name: 'Books',
    share: 7,
    brands: ['Papyrus Press', 'Lantern Books', 'Quill House'],
    subcategories: [
      { name: 'Fiction', price: [7, 29], grams: [200, 700], nouns: ['Novel', 'Thriller', 'Short Stories'] },
      { name: 'Non-Fiction', price: [9, 49], grams: [250, 1200], nouns: ['Cookbook', 'Biography', 'Travel Guide'] },
      { name: 'Children', price: [5, 25], grams: [150, 600], nouns: ['Picture Book', 'Activity Book'] },
    ],
  },
  {
    name: 'Garden',
    share: 5,
    brands: ['Greenly', 'Terrano'],
    subcategories: [
      { name: 'Tools', price: [9, 399], grams: [300, 15000], nouns: ['Lawn Mower', 'Pruning Shears', 'Garden Hose'] },
      { name: 'Plants', price: [5, 99], grams: [300, 5000], nouns: ['Olive Tree', 'Herb Set', 'Seed Kit'] },
      { name: 'Grills', price: [99, 1499], grams: [8000, 60000], nouns: ['Gas Grill', 'Kettle Grill', 'Pizza Oven'] },
    ],
  },
];

export const PRODUCT_ADJECTIVES = [
  'Pro',
  'Air',
  'Max',
  'Mini',
  'Classic',
  'Essential',
  'Ultra',
  'Eco',
  'Smart',
  'Nordic',
  'Urban',
  'Lite',
  'Plus',
  'Active',
  'Premium',
  'Compact',
];
export const PRODUCT_VARIANTS = ['Black', 'White', 'Grey', 'Navy', 'Green', 'Sand', 'Red', 'Oak', 'S', 'M', 'L', 'XL'];

/** Coupon codes and the discount they give. */
export const COUPONS: readonly (readonly [code: string, rate: number])[] = [
  ['WELCOME10', 0.1],
  ['NEWSLETTER10', 0.1],
  ['APP5', 0.05],
  ['SPRING15', 0.15],
  ['SUMMER20', 0.2],
  ['XMAS10', 0.1],
  ['VIP20', 0.2],
  ['BLACKFRIDAY25', 0.25],
];

/** Marketplaces that pay out marketplace orders, with their (invented) bank account. */
export const MARKETPLACES: readonly (readonly [payer: string, country: string, bban: string])[] = [
  ['Amazon Payments Europe S.C.A.', 'LU', '0194006447500001'],
  ['Zalando Payments GmbH', 'DE', '500105175407324931'],
  ['eBay Marketplaces GmbH', 'DE', '100700000123456789'],
  ['Bol.com B.V.', 'NL', 'INGB0001234567'],
];

/** Campaign themes by the month the campaign starts (January first). */
export const CAMPAIGN_THEMES: readonly string[] = [
  'New Year Sale',
  'Valentine',
  'Spring Refresh',
  'Easter',
  'Mother’s Day',
  'Summer Sale',
  'Mid-Year Deals',
  'Back to School',
  'Autumn Collection',
  'Singles Day',
  'Black Friday',
  'Holiday Gifts',
];
export const CAMPAIGN_FOCUS = [
  'Electronics',
  'Fashion',
  'Home & Kitchen',
  'Sports',
  'Beauty',
  'Toys',
  'Loyalty',
  'Win-back',
  'B2B Office',
  'App Install',
];

/** Public IPv4 first octets per region (for tracking IPs). */
export const IP_BLOCKS: Readonly<Record<Region, readonly number[]>> = {
  EU: list(
    '2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 176, 178, 185, 188, 212, 213, 217',
  ).map(Number),
  NA: list(
    '23, 24, 45, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 173, 174, 184, 206, 207, 208, 209',
  ).map(Number),
  APAC: list(
    '1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 202, 203, 210, 211',
  ).map(Number),
  LATAM: list('131, 132, 138, 143, 152, 157, 168, 170, 177, 179, 181, 186, 187, 189, 190, 191, 200, 201').map(Number),
};

export interface WarehouseRef {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly capacity: number;
  readonly opened: string;
  /** Countries it ships to first. */
  readonly serves: readonly string[];
}

export const WAREHOUSES: readonly WarehouseRef[] = [
  {
    code: 'WH-DE-LEJ',
    name: 'Leipzig Fulfilment Centre',
    city: 'Leipzig',
    country: 'DE',
    lat: 51.4232,
    lon: 12.2364,
    capacity: 420000,
    opened: '2016-04-01',
    serves: ['DE', 'AT', 'DK', 'SE', 'FI'],
  },
  {
    code: 'WH-NL-VNL',
    name: 'Venlo Distribution Centre',
    city: 'Venlo',
    country: 'NL',
    lat: 51.3704,
    lon: 6.1724,
    capacity: 380000,
    opened: '2018-09-03',
    serves: ['NL', 'BE', 'FR', 'IE'],
  },
  {
    code: 'WH-PL-POZ',
    name: 'Poznań Logistics Hub',
    city: 'Poznań',
    country: 'PL',
    lat: 52.4064,
    lon: 16.9252,
    capacity: 260000,
    opened: '2021-03-15',
    serves: ['PL'],
  },
  {
    code: 'WH-ES-MAD',
    name: 'Madrid South Warehouse',
    city: 'Getafe',
    country: 'ES',
    lat: 40.3057,
    lon: -3.7329,
    capacity: 240000,
    opened: '2019-06-10',
    serves: ['ES', 'PT', 'IT'],
  },
  {
    code: 'WH-US-CMH',
    name: 'Columbus East Coast DC',
    city: 'Columbus',
    country: 'US',
    lat: 39.9612,
    lon: -82.9988,
    capacity: 520000,
    opened: '2017-02-20',
    serves: ['US'],
  },
  {
    code: 'WH-US-RNO',
    name: 'Reno West Coast DC',
    city: 'Reno',
    country: 'US',
    lat: 39.5296,
    lon: -119.8138,
    capacity: 460000,
    opened: '2020-08-01',
    serves: ['US'],
  },
  {
    code: 'WH-CA-YYZ',
    name: 'Mississauga Fulfilment',
    city: 'Mississauga',
    country: 'CA',
    lat: 43.589,
    lon: -79.6441,
    capacity: 180000,
    opened: '2019-11-04',
    serves: ['CA'],
  },
  {
    code: 'WH-MX-MTY',
    name: 'Monterrey Centro Logístico',
    city: 'Monterrey',
    country: 'MX',
    lat: 25.6866,
    lon: -100.3161,
    capacity: 120000,
    opened: '2022-05-16',
    serves: ['MX'],
  },
  {
    code: 'WH-BR-SAO',
    name: 'Cajamar Centro de Distribuição',
    city: 'Cajamar',
    country: 'BR',
    lat: -23.3556,
    lon: -46.8769,
    capacity: 210000,
    opened: '2020-02-03',
    serves: ['BR'],
  },
  {
    code: 'WH-CL-SCL',
    name: 'Santiago Pudahuel Warehouse',
    city: 'Santiago',
    country: 'CL',
    lat: -33.4489,
    lon: -70.6693,
    capacity: 90000,
    opened: '2022-10-10',
    serves: ['CL', 'AR', 'CO'],
  },
  {
    code: 'WH-AU-SYD',
    name: 'Sydney Eastern Creek DC',
    city: 'Sydney',
    country: 'AU',
    lat: -33.8688,
    lon: 151.2093,
    capacity: 160000,
    opened: '2019-07-01',
    serves: ['AU', 'NZ'],
  },
  {
    code: 'WH-JP-NRT',
    name: 'Narita Logistics Centre',
    city: 'Narita',
    country: 'JP',
    lat: 35.7767,
    lon: 140.3186,
    capacity: 170000,
    opened: '2021-01-18',
    serves: ['JP', 'KR'],
  },
  {
    code: 'WH-SG-SIN',
    name: 'Singapore Tuas Hub',
    city: 'Singapore',
    country: 'SG',
    lat: 1.3521,
    lon: 103.8198,
    capacity: 110000,
    opened: '2020-09-14',
    serves: ['SG', 'IN'],
  },
];

/** Carriers per region with their share of parcels and how often they are late. */
export const CARRIERS: Readonly<
  Record<Region, readonly (readonly [carrier: string, share: number, lateRate: number])[]>
> = {
  EU: [
    ['DHL', 0.4, 0.06],
    ['DPD', 0.22, 0.09],
    ['GLS', 0.15, 0.11],
    ['UPS', 0.13, 0.07],
    ['POSTNL', 0.1, 0.1],
  ],
  NA: [
    ['UPS', 0.5, 0.07],
    ['FEDEX', 0.4, 0.08],
    ['DHL', 0.1, 0.06],
  ],
  LATAM: [
    ['DHL', 0.6, 0.12],
    ['FEDEX', 0.4, 0.1],
  ],
  APAC: [
    ['DHL', 0.5, 0.06],
    ['FEDEX', 0.3, 0.08],
    ['UPS', 0.2, 0.07],
  ],
};

/** Subjects of support tickets per category; `{order}`, `{email}`, `{phone}` and `{name}` are filled in. */
export const TICKET_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  delivery: [
    'Where is my order {order}?',
    'Parcel not delivered – order {order}',
    'Tracking not updating for {order}',
    'Delivery address change for {order}',
    'Parcel left with neighbour, order {order}',
  ],
  returns: [
    'Return label for order {order}',
    'Refund not received for {order}',
    'How do I return an item from {order}?',
    'Exchange size for order {order}',
  ],
  product_defect: [
    'Item arrived damaged ({order})',
    'Product stopped working after two weeks',
    'Missing parts in order {order}',
    'Wrong item received in {order}',
  ],
  billing: [
    'Charged twice for order {order}',
    'Wrong VAT on my invoice',
    'Please send an invoice copy for {order}',
    'Payment failed but money was taken',
  ],
  account: [
    'Cannot log in to my account',
    'Please delete my account and data (GDPR)',
    'Change my e-mail address to {email}',
    'Please call me back on {phone}',
    'Newsletter unsubscribe not working',
  ],
  other: [
    'Question about warranty',
    'Gift wrapping options',
    'Do you ship to my country?',
    'Partnership inquiry from {name}',
    'Feedback about your app',
  ],
};
