// Names, words and places the synthetic organisation is made of. Plain data.

export const firstNames: readonly string[] = [
  'Aaliyah', 'Abel', 'Ada', 'Adrian', 'Aiko', 'Alana', 'Alberto', 'Alice', 'Amir', 'Ana', 'Anders', 'Anika', 'Arjun', 'Astrid',
  'Beatriz', 'Ben', 'Bianca', 'Boris', 'Brenda', 'Caleb', 'Camila', 'Carlos', 'Chen', 'Chiara', 'Chloe', 'Colin', 'Dalia',
  'Daniel', 'Dara', 'David', 'Deepa', 'Diego', 'Dmitri', 'Elena', 'Eli', 'Emeka', 'Emma', 'Erik', 'Esther', 'Fatima', 'Felix',
  'Fiona', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hassan', 'Helga', 'Hugo', 'Ines', 'Ingrid', 'Isaac', 'Ivan', 'Jade', 'James',
  'Jasmine', 'Javier', 'Jonas', 'Julia', 'Kai', 'Kamala', 'Kenji', 'Khalid', 'Lars', 'Laura', 'Leila', 'Leo', 'Lina', 'Lucas',
  'Lucia', 'Maya', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Nikolai', 'Noah', 'Nora', 'Olga', 'Omar', 'Oscar', 'Pablo',
  'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Samir', 'Sara', 'Sean', 'Sofia', 'Stefan', 'Tariq', 'Tessa', 'Theo',
  'Uma', 'Valeria', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zara', 'Zoe',
]

export const lastNames: readonly string[] = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Andersen', 'Baker', 'Banerjee', 'Becker', 'Bergstrom', 'Brooks', 'Castillo', 'Chang', 'Chowdhury',
  'Cohen', 'Costa', 'Dahl', 'Diaz', 'Dubois', 'Eriksen', 'Evans', 'Fischer', 'Fong', 'Garcia', 'Gupta', 'Haddad', 'Hansen',
  'Hartmann', 'Hughes', 'Ibrahim', 'Ito', 'Jensen', 'Johansson', 'Kapoor', 'Kaur', 'Keller', 'Kim', 'Kowalski', 'Larsen', 'Lee',
  'Lindqvist', 'Lopez', 'Mahmoud', 'Martin', 'Meyer', 'Morales', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen',
  'Ortiz', 'Patel', 'Petrov', 'Quinn', 'Ramos', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Sorensen', 'Tanaka',
  'Torres', 'Varga', 'Vogel', 'Wagner', 'Walsh', 'Weber', 'Wong', 'Yamamoto', 'Young', 'Zhang', 'Zimmermann',
]

/** The organisation's mail domain and the company name the LDAP business unit carries. */
export const companyDomain = 'halvorsen.example'
export const businessUnit = 'Halvorsen Industries'

/** Words for file names, mail bodies and URL paths. */
export const words: readonly string[] = [
  'account', 'agenda', 'analysis', 'annual', 'approval', 'archive', 'audit', 'backlog', 'budget', 'campaign', 'client', 'contract',
  'customer', 'dashboard', 'deadline', 'design', 'draft', 'estimate', 'feedback', 'final', 'forecast', 'handbook', 'invoice',
  'kickoff', 'launch', 'ledger', 'meeting', 'memo', 'migration', 'minutes', 'notes', 'onboarding', 'outline', 'partner', 'payroll',
  'pipeline', 'plan', 'policy', 'pricing', 'proposal', 'quarterly', 'receipt', 'release', 'renewal', 'report', 'review', 'roadmap',
  'schedule', 'security', 'spec', 'status', 'strategy', 'summary', 'survey', 'target', 'template', 'timeline', 'training', 'update',
  'vendor', 'weekly', 'workshop',
]

/** Where people outside the company write from. */
export const externalMailDomains: readonly string[] = [
  'gmail.com', 'outlook.com', 'yahoo.com', 'acme-supply.example', 'brightwave.example', 'northwind.example', 'contoso.example',
  'fabrikam.example', 'globex.example', 'initech.example', 'lawfirm-partners.example', 'kpmg.example', 'recruit-agency.example',
]

/** Payees of the payments team, and merchants of corporate cards. */
export const vendors: readonly string[] = Array.from({ length: 160 }, (_, index) => {
  const stems = ['Acme', 'Apex', 'Atlas', 'Beacon', 'Cedar', 'Crest', 'Delta', 'Echo', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Keystone', 'Lumen', 'Meridian']
  const kinds = ['Supplies', 'Logistics', 'Consulting', 'Systems', 'Services', 'Energy', 'Foods', 'Print', 'Labs', 'Freight']
  return `${stems[index % stems.length]} ${kinds[Math.floor(index / stems.length) % kinds.length]} Ltd`
})

export const merchants: readonly string[] = [
  'Delta Air Lines', 'Lufthansa', 'Marriott', 'Hilton', 'Uber', 'Lyft', 'Hertz', 'Staples', 'Amazon Business', 'Starbucks',
  'Office Depot', 'Best Buy', 'Zoom Video', 'Dell', 'Apple Store', 'Eventbrite', 'FedEx', 'DHL Express', 'Shell', 'Costco',
]

/** Shell-company and mule counterparties used by laundering scenarios: never paid by anyone normally. */
export const shellCounterparties: readonly string[] = [
  'Orion Trade FZE', 'Blue Lagoon Holdings', 'Sapphire Import Export', 'Northstar Consulting LLP', 'Kestrel Ventures SA',
  'Goldleaf Trading Co', 'Pinnacle Offshore Ltd', 'Silverline Logistics FZCO', 'Emerald Bay Partners', 'Vanta Capital SRL',
  'J. Moreau (private)', 'K. Ostrowski (private)', 'P. Lindgren (private)', 'R. Alvarez (private)', 'T. Haugen (private)',
]
