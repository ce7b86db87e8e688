/** The example queries the playground opens with: real questions of the field, answered from the shipped graph. */
export const PLAYGROUND_EXAMPLES: { title: string; query: string }[] = [
  {
    title: 'Bosnia: the sequence of missions',
    query: `# Bosnia and Herzegovina: the EC/EU monitors, UNPROFOR, IFOR, SFOR, EUFOR Althea, IPTF and EUPM, and how they handed over.
query Bosnia {
  missions(hostState: "BIH", sort: { field: START }) {
    items {
      id name start end
      organizations { id }
      cooperations { kind direction other { id } start sourceRef }
    }
  }
  paths(from: "NATO", to: "EU", types: [DEPLOYED, COOPERATED_WITH], k: 2) { sentence }
}`,
  },
  {
    title: 'Kosovo: UNMIK, KFOR, OSCE and EULEX',
    query: `# Kosovo since 1999: UNMIK (UNSCR 1244), NATO's KFOR, the OSCE mission, and EULEX taking over from UNMIK.
query Kosovo {
  unmik: mission(id: "UNMIK") { name start hosts { id } cooperations { kind direction other { id name } start sourceRef } }
  kfor: mission(id: "KFOR") { name start organizations { id } }
  eulex: mission(id: "EULEX-KOSOVO") { name start end organizations { id } }
  coDeployments(host: "XKX") { a { id } b { id } from to months organizations { id } }
}`,
  },
  {
    title: 'Darfur: from AMIS to the AU-UN hybrid UNAMID',
    query: `query Darfur {
  mission(id: "UNAMID") {
    name start end
    organizations { id name }
    cooperations { kind direction other { id name start end } sourceRef }
    people { role start end person { name } }
    contributors(period: { from: "2012-12", to: "2012-12" }) { state { id name } personnel sources }
  }
}`,
  },
  {
    title: 'States shared by UNMISS and UNAMID',
    query: `# Which states sent personnel to both missions in December 2013, and how alike the two contingents are.
query Shared {
  sharedPersonnel(a: "UNMISS", b: "UNAMID", period: { from: "2013-12", to: "2013-12" }) {
    jaccard cosine contributorsA contributorsB sources
    states { state { id name } a b }
    people { name }
  }
}`,
  },
  {
    title: 'From ECOWAS to the EU',
    query: `query EcowasToEu {
  paths(from: "ECOWAS", to: "EU", k: 3) { length sentence }
}`,
  },
  {
    title: 'The MSPOs in Mali',
    query: `# Multiple simultaneous peace operations in Mali: AFISMA, MINUSMA, EUTM Mali, EUCAP Sahel Mali, Serval...
query Mali {
  coDeployments(host: "MLI", differentOrganization: true) {
    a { id name } b { id name } from to months organizations { id }
  }
}`,
  },
];
