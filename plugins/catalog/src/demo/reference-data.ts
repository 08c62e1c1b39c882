/**
 * Places and names the demo customers and suppliers are made of. Towns and postal codes are
 * real; street names are common ones; people and companies are invented.
 */

export type Region = 'brussels' | 'wallonia' | 'flanders' | 'france';

export interface DemoTown {
  readonly postalCode: string;
  /** Name in the local language (French in Brussels). */
  readonly city: string;
  /** Dutch name where it differs (Brussels municipalities). */
  readonly cityNl?: string;
  readonly country: 'BE' | 'FR';
  readonly region: Region;
  /** Landline area code without the trunk 0: '2' (Brussels), '81' (Namur), '3' (France north-east)… */
  readonly phoneZone: string;
  /** Relative number of customers living there. */
  readonly weight: number;
}

const be = (postalCode: string, city: string, region: Exclude<Region, 'france'>, phoneZone: string, weight = 1, cityNl?: string): DemoTown => ({
  postalCode,
  city,
  cityNl,
  country: 'BE',
  region,
  phoneZone,
  weight,
});
const fr = (postalCode: string, city: string, phoneZone: string): DemoTown => ({
  postalCode,
  city,
  country: 'FR',
  region: 'france',
  phoneZone,
  weight: 1,
});

export const TOWNS: readonly DemoTown[] = [
  // Brussels-Capital Region
  be('1000', 'Bruxelles', 'brussels', '2', 4, 'Brussel'),
  be('1030', 'Schaerbeek', 'brussels', '2', 2, 'Schaarbeek'),
  be('1050', 'Ixelles', 'brussels', '2', 3, 'Elsene'),
  be('1060', 'Saint-Gilles', 'brussels', '2', 2, 'Sint-Gillis'),
  be('1070', 'Anderlecht', 'brussels', '2', 2),
  be('1080', 'Molenbeek-Saint-Jean', 'brussels', '2', 1, 'Sint-Jans-Molenbeek'),
  be('1140', 'Evere', 'brussels', '2', 1),
  be('1180', 'Uccle', 'brussels', '2', 2, 'Ukkel'),
  be('1200', 'Woluwe-Saint-Lambert', 'brussels', '2', 2, 'Sint-Lambrechts-Woluwe'),
  // Wallonia
  be('1300', 'Wavre', 'wallonia', '10', 2),
  be('1340', 'Ottignies', 'wallonia', '10', 1),
  be('1348', 'Louvain-la-Neuve', 'wallonia', '10', 2),
  be('1400', 'Nivelles', 'wallonia', '67', 2),
  be('1410', 'Waterloo', 'wallonia', '2', 2),
  be('4000', 'Liège', 'wallonia', '4', 4),
  be('4500', 'Huy', 'wallonia', '85', 1),
  be('4800', 'Verviers', 'wallonia', '87', 1),
  be('4900', 'Spa', 'wallonia', '87', 1),
  be('5000', 'Namur', 'wallonia', '81', 4),
  be('5030', 'Gembloux', 'wallonia', '81', 2),
  be('5100', 'Jambes', 'wallonia', '81', 2),
  be('5500', 'Dinant', 'wallonia', '82', 1),
  be('6000', 'Charleroi', 'wallonia', '71', 3),
  be('6600', 'Bastogne', 'wallonia', '61', 1),
  be('6700', 'Arlon', 'wallonia', '63', 1),
  be('6900', 'Marche-en-Famenne', 'wallonia', '84', 1),
  be('7000', 'Mons', 'wallonia', '65', 2),
  be('7100', 'La Louvière', 'wallonia', '64', 1),
  be('7500', 'Tournai', 'wallonia', '69', 1),
  be('7700', 'Mouscron', 'wallonia', '56', 1),
  // Flanders
  be('1500', 'Halle', 'flanders', '2', 1),
  be('1800', 'Vilvoorde', 'flanders', '2', 1),
  be('2000', 'Antwerpen', 'flanders', '3', 3),
  be('2300', 'Turnhout', 'flanders', '14', 1),
  be('2400', 'Mol', 'flanders', '14', 1),
  be('2800', 'Mechelen', 'flanders', '15', 2),
  be('3000', 'Leuven', 'flanders', '16', 3),
  be('3290', 'Diest', 'flanders', '13', 1),
  be('3500', 'Hasselt', 'flanders', '11', 2),
  be('3600', 'Genk', 'flanders', '89', 1),
  be('3700', 'Tongeren', 'flanders', '12', 1),
  be('8000', 'Brugge', 'flanders', '50', 2),
  be('8400', 'Oostende', 'flanders', '59', 1),
  be('8500', 'Kortrijk', 'flanders', '56', 2),
  be('8800', 'Roeselare', 'flanders', '51', 1),
  be('8900', 'Ieper', 'flanders', '57', 1),
  be('9000', 'Gent', 'flanders', '9', 3),
  be('9100', 'Sint-Niklaas', 'flanders', '3', 1),
  be('9200', 'Dendermonde', 'flanders', '52', 1),
  be('9300', 'Aalst', 'flanders', '53', 1),
  // France
  fr('75011', 'Paris', '1'),
  fr('59000', 'Lille', '3'),
  fr('59100', 'Roubaix', '3'),
  fr('59200', 'Tourcoing', '3'),
  fr('59140', 'Dunkerque', '3'),
  fr('59300', 'Valenciennes', '3'),
  fr('59600', 'Maubeuge', '3'),
  fr('62000', 'Arras', '3'),
  fr('08000', 'Charleville-Mézières', '3'),
  fr('51100', 'Reims', '3'),
  fr('57000', 'Metz', '3'),
  fr('69003', 'Lyon', '4'),
  fr('33000', 'Bordeaux', '5'),
  fr('25000', 'Besançon', '3'),
];

export const STREETS_FR_BE: readonly string[] = [
  'Rue de la Station', "Rue de l'Église", 'Rue du Moulin', 'Chaussée de Bruxelles', 'Avenue des Tilleuls', 'Rue Haute',
  'Rue des Écoles', 'Place communale', 'Rue du Marché', 'Rue de la Gare', 'Avenue de la Reine', 'Rue des Champs',
  'Rue Saint-Martin', 'Rue du Centre', 'Chaussée de Louvain', 'Rue des Alliés', 'Rue de la Chapelle', 'Avenue Albert Ier',
  'Rue des Prés', 'Rue du Château', 'Rue de la Fontaine', 'Boulevard du Nord', 'Rue des Peupliers', 'Rue de Namur',
];

export const STREETS_NL: readonly string[] = [
  'Stationsstraat', 'Kerkstraat', 'Dorpsstraat', 'Molenstraat', 'Nieuwstraat', 'Kapelstraat', 'Schoolstraat',
  'Lindenlaan', 'Marktplein', 'Hoogstraat', 'Veldstraat', 'Beekstraat', 'Kasteelstraat', 'Brugstraat', 'Grote Markt',
  'Koning Albertlaan', 'Leopoldstraat', 'Meersstraat', 'Populierenlaan', 'Sint-Jansstraat', 'Steenweg', 'Bosstraat',
];

export const STREETS_FR: readonly string[] = [
  'rue de la Gare', 'rue Nationale', 'avenue de la République', 'rue Victor-Hugo', 'boulevard Gambetta',
  'rue Jean-Jaurès', 'place du Général-de-Gaulle', 'rue Pasteur', 'rue de Paris', 'rue du Faubourg', 'rue des Tanneurs',
  'rue Léon-Gambetta', 'allée des Tilleuls', 'rue du Moulin',
];

export const FIRST_NAMES: Readonly<Record<'fr' | 'nl' | 'en', readonly string[]>> = {
  fr: [
    'Marie', 'Sophie', 'Julie', 'Nathalie', 'Isabelle', 'Camille', 'Louise', 'Emma', 'Chloé', 'Charlotte', 'Manon',
    'Léa', 'Christine', 'Anne', 'Martine', 'Sarah', 'Lucas', 'Thomas', 'Nicolas', 'Julien', 'Antoine', 'Maxime',
    'Louis', 'Hugo', 'Arthur', 'Jean', 'Philippe', 'Michel', 'Pierre', 'Olivier', 'Laurent', 'François', 'Benoît',
    'Cédric', 'Grégory', 'Sébastien', 'Hélène', 'Véronique',
  ],
  nl: [
    'Lotte', 'Elke', 'Sofie', 'An', 'Katrien', 'Annelies', 'Femke', 'Marieke', 'Ine', 'Liesbeth', 'Hilde', 'Nele',
    'Jan', 'Pieter', 'Wim', 'Tom', 'Bart', 'Koen', 'Stijn', 'Lars', 'Jens', 'Jeroen', 'Dirk', 'Geert', 'Luc', 'Kris',
    'Wouter', 'Joris', 'Seppe', 'Ruben', 'Els', 'Griet',
  ],
  en: [
    'Sarah', 'Emily', 'Hannah', 'Laura', 'Anna', 'Fiona', 'Rachel', 'James', 'David', 'Michael', 'Daniel', 'Oliver',
    'Mark', 'Paul', 'Sean', 'Peter',
  ],
};

export const SURNAMES: Readonly<Record<'wallonia' | 'flanders' | 'france' | 'en', readonly string[]>> = {
  wallonia: [
    'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Leclercq', 'Lemaire', 'Renard', 'Denis', 'Lejeune',
    'Collard', 'Mathieu', 'François', 'Gilson', 'Henrard', 'Delvaux', 'Piron', 'Lecomte', 'Jacquet', 'Noël', 'Massart',
    'Hubert', 'Charlier', 'Dumont', 'Lambotte', 'Remacle', 'Thiry', 'Wathelet', 'Fontaine',
  ],
  flanders: [
    'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
    'Vermeulen', 'Van den Broeck', 'Hermans', 'Michiels', 'Dierckx', 'Van Damme', 'De Clercq', 'Verstraete',
    'Van de Velde', 'Lambrechts', 'Cools', 'Segers', 'Aerts', 'Pauwels', 'De Wilde', 'Vandenberghe', 'Verhaegen',
    'Smets', 'Martens', 'Coppens',
  ],
  france: [
    'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefebvre', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Caron',
    'Delattre', 'Deschamps', 'Vasseur', 'Lemaire', 'Dufour',
  ],
  en: ['Smith', 'Wilson', 'Brown', 'Taylor', 'Murphy', "O'Brien", 'Kelly', 'Walsh', 'Johnson', 'Clarke', 'Hughes', 'Evans'],
};

/** Customer businesses: trade words and names, by language. */
export const BUSINESS_FR = {
  trades: ['Café', 'Brasserie', 'Restaurant', 'Friterie', 'Taverne', 'Traiteur', 'Boulangerie', 'Épicerie', 'Snack'],
  names: ['du Coin', 'de la Place', 'Le Pavé', 'Saint-Martin', 'des Amis', 'Le Relais', 'du Marché', 'La Fourchette', 'Le Tilleul', "de l'Église", 'La Gaieté', 'Le Petit Bruxelles'],
  forms: ['SRL', 'SRL', 'SRL', 'SA', 'SC'],
  others: ['Garage {surname}', 'Fiduciaire {surname}', '{surname} & Fils', 'Menuiserie {surname}', 'Cabinet {surname}', 'Pharmacie {surname}'],
  /** '{de city}' becomes "de Namur" or "d'Ixelles". */
  clubs: ['Football Club {de city}', 'Comité des fêtes {de city}', 'Cercle royal {de city}', 'Patro {de city}'],
  clubForm: 'ASBL',
} as const;

export const BUSINESS_NL = {
  trades: ['Café', 'Frituur', 'Taverne', 'Eetcafé', 'Bakkerij', 'Slagerij', 'Traiteur', 'Brasserie'],
  names: ['De Zwaan', 'Het Hoekje', 'De Kroon', 'Den Engel', "'t Pleintje", 'De Markt', 'Sint-Jan', 'De Molen', 'Het Anker', 'De Linde', 'De Sportwereld'],
  forms: ['BV', 'BV', 'BV', 'NV', 'CV'],
  others: ['Garage {surname}', 'Boekhoudkantoor {surname}', '{surname} & Zonen', 'Schrijnwerkerij {surname}', 'Apotheek {surname}', 'Bouwbedrijf {surname}'],
  clubs: ['Voetbalclub {city}', 'Feestcomité {city}', 'Chiro {city}', 'Harmonie {city}'],
  clubForm: 'VZW',
} as const;

export const BUSINESS_FRANCE = {
  trades: ['Café', 'Brasserie', 'Restaurant', 'Estaminet', 'Boulangerie', 'Traiteur'],
  names: ['de la Gare', 'du Beffroi', 'Le Flandre', 'des Sports', 'Le Commerce', 'La Grand-Place'],
  forms: ['SARL', 'SAS', 'SAS', 'EURL'],
  others: ['Transports {surname}', '{surname} Traiteur', 'Cave {surname}'],
} as const;

export interface SupplierTemplate {
  readonly name: string;
  readonly country: 'BE' | 'FR';
  readonly region: Region;
  /** Where the supplier is: a postal code of {@link TOWNS}. */
  readonly postalCode: string;
}

/** Suppliers of the demo shop; many are the brands found in the catalogue. */
export const SUPPLIERS: readonly SupplierTemplate[] = [
  { name: 'Brasserie du Vieux Moulin SRL', country: 'BE', region: 'wallonia', postalCode: '7000' },
  { name: 'Brouwerij De Gouden Ezel BV', country: 'BE', region: 'flanders', postalCode: '9300' },
  { name: "Brasserie de l'Abbaye de Maredval SA", country: 'BE', region: 'wallonia', postalCode: '5500' },
  { name: 'Brouwerij Het Zwarte Schaap BV', country: 'BE', region: 'flanders', postalCode: '8900' },
  { name: 'Brasserie des Fagnards SRL', country: 'BE', region: 'wallonia', postalCode: '4900' },
  { name: 'Zennebrouwerij CV', country: 'BE', region: 'flanders', postalCode: '1500' },
  { name: 'Drankencentrale Vlaanderen NV', country: 'BE', region: 'flanders', postalCode: '9000' },
  { name: 'Boissons Distribution Wallonie SA', country: 'BE', region: 'wallonia', postalCode: '6000' },
  { name: 'Grossiste Alimentaire du Centre SA', country: 'BE', region: 'wallonia', postalCode: '7100' },
  { name: 'Groothandel Kempenland NV', country: 'BE', region: 'flanders', postalCode: '2300' },
  { name: 'Laiterie des Ardennes SC', country: 'BE', region: 'wallonia', postalCode: '6600' },
  { name: 'Zuivelhoeve Kempen BV', country: 'BE', region: 'flanders', postalCode: '2400' },
  { name: 'Fromagerie du Plateau de Herve SRL', country: 'BE', region: 'wallonia', postalCode: '4800' },
  { name: 'Boulangerie Delahaye SRL', country: 'BE', region: 'brussels', postalCode: '1180' },
  { name: 'Vleeshandel Maes NV', country: 'BE', region: 'flanders', postalCode: '8800' },
  { name: "Salaisons d'Ardenne SA", country: 'BE', region: 'wallonia', postalCode: '6900' },
  { name: 'Groenten Van Damme BV', country: 'BE', region: 'flanders', postalCode: '8500' },
  { name: 'Vergers de Hesbaye SC', country: 'BE', region: 'wallonia', postalCode: '4500' },
  { name: 'Torréfaction Liégeoise SRL', country: 'BE', region: 'wallonia', postalCode: '4000' },
  { name: 'Chocolaterie du Sablon SRL', country: 'BE', region: 'brussels', postalCode: '1000' },
  { name: 'Savonnerie de Bruxelles SRL', country: 'BE', region: 'brussels', postalCode: '1070' },
  { name: 'Clair Logis Distribution SA', country: 'BE', region: 'brussels', postalCode: '1140' },
  { name: 'Distillerie Mosane SRL', country: 'BE', region: 'wallonia', postalCode: '5000' },
  { name: 'Vins et Vignobles du Sud-Ouest SAS', country: 'FR', region: 'france', postalCode: '33000' },
  { name: 'Fromagerie Jurassienne SARL', country: 'FR', region: 'france', postalCode: '25000' },
  { name: 'Les Moulins de Flandre SAS', country: 'FR', region: 'france', postalCode: '59140' },
];
