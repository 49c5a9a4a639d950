/// Given names used to build recipients' local parts.
let firstNames: [StaticString] = [
  "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david",
  "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah",
  "chris", "karen", "daniel", "lisa", "matthew", "nancy", "anthony", "betty", "mark", "sandra",
  "paul", "ashley", "steven", "emily", "andrew", "donna", "kevin", "michelle", "brian", "carol",
  "george", "amanda", "lukas", "lea", "jonas", "anna", "noah", "emma", "lucas", "chloe", "hugo",
  "ines", "marco", "giulia", "pablo", "lucia", "sven", "ingrid", "wei", "yuki", "amir", "fatima",
  "olga", "ivan", "priya", "rahul", "kofi", "amara", "mateo", "sofia", "liam", "olivia",
]

/// Family names used to build recipients' local parts.
let lastNames: [StaticString] = [
  "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
  "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor",
  "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez",
  "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
  "scott", "mueller", "schmidt", "schneider", "fischer", "weber", "dubois", "lefebvre",
  "moreau", "rossi", "russo", "ferrari", "novak", "kowalski", "nielsen", "larsen", "ivanov",
  "tanaka", "sato", "kim", "nguyen", "chen", "wang", "okafor", "mensah", "silva", "santos",
]

/// Role accounts that appear as recipients.
let roleNames: [StaticString] = [
  "info", "contact", "sales", "office", "admin", "hello", "billing", "support", "hr", "jobs",
]

/// Local parts our senders send from.
let senderLocals: [StaticString] = [
  "news", "noreply", "no-reply", "billing", "alerts", "support", "orders", "marketing",
  "notifications", "jane.doe", "invoices", "newsletter", "team", "accounts", "shipping",
]
