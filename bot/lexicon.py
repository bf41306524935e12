"""Word lists the question analyser uses, written as plain French words and stemmed on use.

Kept apart from the logic so that tuning the vocabulary never touches the algorithm.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from functools import cache, lru_cache

from bot.belief import as_question
from bot.typed import tidied
from corpus.facts import NUMBER_IN_WORDS, number_value
from index.french import fold, number_days, stem

# Head nouns that name the kind of answer wanted ("Quelle est la date..." wants a date).
TYPE_HEAD_WORDS = {
    "role": "poste rôle fonction titre métier profession statut",
    "date": "date dates jour période année mois moment",
    "duration": "durée délai délais",
    "place": "lieu lieux ville villes pays endroit endroits destination destinations région adresse quartier quartiers",
    "quantity": "nombre quantité part pourcentage proportion taux effectif",
    # Class nouns: the answer is a name ("Quelles entreprises..." -> "Uber et PayPal").
    "entity": "entreprise entreprises société sociétés boîte boîtes start-up startups groupe groupes firme "
    "organisme personne personnes intervenant intervenants université universités école fonds "
    "acteur acteurs partenaire partenaires marque structure cabinet investisseur investisseurs investisseuse "
    "investisseuses financeur financeurs entrepreneur entrepreneurs dirigeant dirigeants invité participant "
    "participants expert interlocuteur incubateur accélérateur site sites entrepreneuse entrepreneuses participante "
    "participantes dirigeante dirigeantes industriel industriels fabricant fabricants distributeur distributeurs "
    "fournisseur fournisseurs sous-traitant sous-traitants importateur importateurs avocat avocate avocats consultant "
    "consultante consultants juriste juristes",
    "money": "prix coût tarif frais montant budget valeur somme argent aide subvention financier financière payé",
    "contact": "téléphone numéro mail email courriel contact contacts coordonnées",
    "rank": "rang classement place position",  # "Quelle place la Californie occupe-t-elle ?"
    "sector": "secteur secteurs domaine domaines filière filières thématique thématiques thème thèmes "
    "industrie industries",
}
# Class nouns that say what is asked for, unlike "entreprise" or "personne": the answer names one
# ("l'incubateur Quartier Nord"), so they stay words to find.
NARROW_CLASS_WORDS = (
    "incubateur incubateurs accélérateur accélérateurs université universités école fonds cabinet avocat avocate "
    "avocats consultant consultante consultants juriste juristes"
)
# "combien de temps": a duration; "quel temps" (the weather) is not one.
TIME_HEAD = "temp"
# "Combien d'années séparent les deux éditions ?": a span of time, like "combien de temps".
DURATION_UNITS = frozenset(stem(w) for w in "année années an ans mois semaine semaines".split())
DAY_HEAD = "jour"  # "Quel jour...": one day is asked for
# Heads that must appear in the answer and also name a money amount ("chiffre d'affaires").
REQUIRED_MONEY_WORDS = "chiffre salaire rémunération"
HEAD_COMPANION_WORDS = "affaires"
# Adjectives that come before the noun in French: "les grandes entreprises" -> "entreprises".
PRENOMINAL = set(
    "grand grande grandes grands petit petite petites petits principal principale principales "
    "principaux premier premiere premieres premiers dernier derniere nouveau nouvelle nouvelles "
    "nouveaux meilleur meilleure meilleurs meilleures gros grosse grosses differents differentes autres autre "
    "plus moins".split()
)
# Adjectives before the noun that still say something to find ("ancien chantier naval"): never the head.
PRENOMINAL_KEPT = set("ancien ancienne anciens anciennes".split())
# Words that carry no content of their own in a question ("Où sont-ils allés ?", "Quand s'est
# déroulée la mission ?", "la devise citée dans l'article"): left out of the focus words.
LIGHT_WORDS = set(
    "alle allee alles allees aller va vont allait allaient deroule deroulee derouler deroulait "
    "tenu tenue tenir tient passe passee passes passees rendu rendus rendue rendues trouve "
    "trouvait situe situee agit agissait parle parler article articles texte cite citee cites "
    "citees mentionne mentionnee evoque evoquee selon indique quoi etait etaient c ca ce gars "
    "type mec nb nombre exactement environ souhaitait souhaitaient cherchait cherchaient faut fallait "
    "celle celui ceux celles comme fallu parmi infos info renseignements precis precise precises "
    "exact exacte exacts exactes stp svp merci bonjour please thanks parti partie partis parties partir "
    "fait faire faisait faisaient font peut peuvent pouvait pourrait figure figurent figurait figuraient "
    "plutot jusqu concretement finalement chaque principal principale principaux "
    "principales arrive arrivee arrives arrivees arriver arrivait vient viennent venir venu venue venus venues "
    "slt salut voir propose proposent proposait aujourd hui actuellement desormais maintenant informations "
    "information beaucoup passer venait venaient vu vus vue vues particularite particularites specificite "
    # "la particularité des acheteurs": what they are; "existe-t-il un tarif réduit ?": is there one
    "specificites caracteristique caracteristiques existe existent existait existaient exister "
    # a journalist's nominalisations and reporting verbs: "la réalisation d'un prototype a-t-elle été évoquée"
    "realisation realisations evoquees evoques mentionnes mentionnees souligne soulignee presentee comme "
    "assure assuree assures assurees assurait assuraient assurer".split()  # "qui assurait la traduction ?"
)
# Participles the tagger may miss, read as verbs: found when the article uses them ("centrée sur
# l'IA"), a paraphrase to pass over when it does not.
PARTICIPLES = set(
    "centre centree centrees centres axe axee axees axes representee representees represente representes".split()
)
# The nouns a mission goes by in a question or a sentence ("la mission", "la 2e édition", "le voyage").
MISSION_NOUNS = r"(?:mis{1,2}ions?|[ée]ditions?|voyages?|d[ée]l[ée]gations?|d[ée]placements?|s[ée]jours?|trips?)\b"
# Words that only restate "the mission" once a mission or a year is named.
GENERIC_MISSION_WORDS = set(
    "mission missions voyage voyages delegation groupe sejour deplacement trip edition destination destinations "
    "cci occitanie sud nord ouest "
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()
)
# The mission's own people, named as its subject ("les participants ont visité..."): no word to
# find once the mission is named, unless the question counts them.
MISSION_PEOPLE_WORDS = set("participants participant dirigeants dirigeant entrepreneurs entrepreneur".split())
ROLE_VERBS = set(
    "dirige dirigeait dirigent preside presidait fonde fondee fondateur gere gerait anime "
    "animait pilote pilotait represente representait conduit conduisait mene menait".split()
)
# Role nouns that a "qui" question may ask for ("Qui est le président de X ?"): the answer must name it.
ROLE_NOUNS = set(
    "president presidente directeur directrice fondateur fondatrice pdg ceo dg responsable organisateur "
    "organisatrice gerant gerante associe associee maire ministre ambassadeur ambassadrice consul "
    "delegue deleguee chef cheffe conseiller conseillere professeur professeure chercheur chercheuse".split()
)
# A question about what comes next ("la prochaine mission", "quelle mission est envisagée après
# Berlin ?"): the answer must look ahead, and these words, like "mission", are not to be found.
FUTURE_WORDS = set(
    "prochain prochaine prochains prochaines suite ensuite envisage envisagee envisagees envisages "
    "envisager prevu prevue prevus prevues prevoit prevoient futur future futurs futures avenir "
    "voudraient voudrait aimeraient aimerait souhaiteraient souhaiterait annoncee annoncees annonce "
    "aura auront sera seront pourra pourront pourrai pourrons pourrez partira partiront".split()
)
# Words added to the lexical query of a question about what comes next ("future"), wanting a
# price ("money"), a contact or a date: plans, prices, contacts and dates are worded with these.
QUERY_EXPANSIONS = {
    "future": "prochaine suite ensuite prévoit prévue programmée étudie étude envisage réfléchit prépare",
    "money": "prix coût tarif frais participation euros budget compter",
    "contact": "contact contacter renseignements joindre téléphone mail courriel",
    "date": "dates date période calendrier",
    "transport": "train avion vol bus minibus autocar ferry bateau voiture navette métro trajet",
}
FUTURE_COMPANIONS = set(
    "destination destinations etape etapes organisateurs organisateur organisatrice nouvelle nouvel nouveau "
    "retourner revenir repartir".split()  # "compte-t-elle retourner en Chine ?": a next mission there
)
# Verbs of reaching someone: "Qui contacter pour la mission Israël ?" asks for a phone or an e-mail.
CONTACT_VERBS = set("contacter contacte joindre appeler ecrire".split())
# Verbs of going through places: "Quelles villes la délégation a-t-elle visitées ?" asks for towns.
# "ça prend combien de temps ?", "ça dure combien ?": the time is asked, the verb only says so.
DURATION_VERBS = set("prend prennent prendre prenait dure durent durait duree durer faut fallait".split())
PLACE_VERBS = set(
    "visite visitee visitees visites visiter sillonne sillonnee parcouru parcourue traverse traversee".split()
)
# Verbs of working somewhere: "Où travaille X ?" asks for X's post, not for a town.
WORK_VERBS = set("travaille travaillait travaillent bosse bossait exerce exercait employe employee".split())
# Verbs that a "pourquoi" question wraps around its subject: "Pourquoi avoir choisi Montréal ?".
REASON_LIGHT_WORDS = set(
    "choisi choisir choix choisie opte organise organisee organiser partir parti destination interet etape "
    "etapes content contente contents contentes satisfait satisfaite satisfaits satisfaites ravi ravie ravis "
    "ravies heureux heureuse heureuses".split()  # "pourquoi X est contente ?": the reason, in other words
)
MONEY_VERBS = set(
    "coute coutait coutent coutaient couter paye paie payer leve levee leves lever investi "
    "investir rapporte gagne facture debourser debourse deboursait depenser depense".split()
)
# Going somewhere: "Comment sont-ils allés à Montréal ?" asks for a means of transport.
TRAVEL_VERBS = set(
    "alle allee alles allees aller rendu rendus rendue rendues rallie ralliee rallies rallier voyage voyages "
    "voyager deplaces deplacee deplacer rejoint rejoindre circulait circulaient circuler circule circulent "
    "deplacait deplacaient deplacent deplacait".split()
)
# Money given rather than paid: "la Région donne combien ?" asks for an aid, not a price.
AID_WORDS = frozenset(
    "aide aides subvention subventions subventionne subventionnee subventionnes finance financee finances "
    "financement verse versee donne donnent donnait accorde accordee rembourse remboursement".split()
)
ORDINALS = {
    "premier": 0, "premiere": 0, "1re": 0, "1er": 0, "1ere": 0, "first": 0, "deuxieme": 1, "seconde": 1,
    "second": 1, "2e": 1, "2eme": 1, "troisieme": 2, "3e": 2, "3eme": 2, "third": 2, "derniere": -1, "dernier": -1,
    "recente": -1, "recent": -1, "last": -1, "latest": -1,
}  # fmt: skip
# Business French that articles and questions word differently (both ways once stemmed).
SYNONYM_WORDS = [
    "fonds venture vc investisseurs investisseuses capital-risque financeurs",  # "les financeurs de start-up"
    "université universités école écoles institut instituts",  # "Quelle école… ?": "le Technion, l'institut…"
    "chiffre ca",
    "dirigeants chefs patrons entrepreneurs personnes membres participants",
    "start-up startups jeunes-pousses",
    "incubateur accélérateur",
    "rendez-vous rencontres rdv réunions entretiens entrevues",
    # "aux 2 éditions": "participant aux deux éditions"; "en trois jours": "en 3 jours"
    *[f"{word} {n}" for n, word in enumerate("deux trois quatre cinq six sept huit neuf dix".split(), 2)],
    "entreprises sociétés boîtes pme firmes",
    "salariés employés collaborateurs ouvriers",
    "usa états-unis amérique américain américains",
    "devise slogan mantra maxime credo leitmotiv",
    "thème thèmes sujet sujets programme thématique",
    "objectif objectifs but buts ambition",
    "coût prix tarif frais",
    "population habitants",
    "planète monde mondial mondiale mondiaux mondiales",  # "parmi les économies de la planète": "mondiale"
    "inscrire inscription inscriptions inscrit inscrits inscrite postuler candidature candidatures candidater",
    "début débuté débuter commencé commencer commence démarré démarrer",
    # ("accordé" would stem as "accord", an agreement: "octroyé" says it)
    "aide aides soutien subvention versé verser octroyé octroie financé financer charge",  # "pris en charge"
    "retardé retard reporté report repoussé décalé différé interruption interrompu interrompue",
    "revenir revenus revenu revenue reviennent retourner retourné retournés retournée",  # came back
    "départ quitter quitté quittée quittent décollage décollé",  # "quitté Toulouse": "Départ de Toulouse"
    # Demonyms of Occitanie towns that do not start like the town ("ruthénoise" for Rodez).
    "rodez ruthénois ruthénoise ruthénoises",
    "nîmes nîmois nîmoise nîmoises",
    "albi albigeois albigeoise albigeoises",
    "béziers biterrois biterroise biterroises",
    "sète sétois sétoise sétoises",
    "alès alésien alésienne alésiens alésiennes",
    "millau millavois millavoise millavoises",
    "montauban montalbanais montalbanaise montalbanaises",
    "cahors cadurcien cadurcienne cadurciens cadurciennes",
    "auch auscitain auscitaine auscitains auscitaines",
    "tarbes tarbais tarbaise tarbaises",
    "castres castrais castraise castraises",
    "actuel actuelle actuellement aujourd",
    "shenzhen schenzen",  # the seed article writes "Hong Kong / Schenzen"
    "mail e-mail courriel mél",
    "salon foire fair expo",  # "l'Asia Smart Hardware Fair": a trade fair's English name
    "visite visité visiter découvert",
    "découvert découvrir découvrent appris apprendre comprendre",  # "qu’ont-ils découvert ?" ("compris": "inclus")
    "brevet brevets",
    "pib produit richesse",  # "PIB": "produit intérieur brut" (the question's are rewritten "PIB"), "sa richesse"
    "hébergés hébergée hébergement logés logée logé logement",  # "Logée à Brooklyn, la délégation..."
    "accord accords contrat contrats",  # "combien d'accords conclus ?": "trois contrats signés"
    "arrosage irrigation irriguer",
    "conclu conclus conclue conclues signé signés signée signées",
    # "Un visa était-il nécessaire ?": "visa obligatoire", "non requis pour Hong Kong"
    "nécessaire nécessaires obligatoire obligatoires requis requise exigé exigée exigés indispensable",
    "avocat avocats avocate juriste juristes",  # ("un cabinet de sourcing" is no lawyer)
    "usine usines site fabricant",
    "vol vols avion avions billet billets aérien aériens",  # "le billet d'avion": "vols non compris"
    "fabrique fabriquent fabriquer fabricant fabricants conçoit conçoivent concevoir",
    "levé levée levées financement financements",
    "piloté conduit conduisait conduire mené encadré",  # leading a delegation
    "organisé monté",  # "monter une mission"
    "accueilli accueillie accueillis accueillies accueillir reçu reçue reçus reçues recevoir",  # a host
    "partenaire partenaires partenariat",
    "chercheur chercheurs chercheuse professeur professeure scientifique scientifiques",
    "rd recherche",  # "R&D": "recherche et développement"
    "ia intelligence artificielle",  # "l'intelligence artificielle": "l'IA"
    "direct directe directement immédiat immédiate immédiatement",  # "visent direct l'international"
    "décalage écart",  # "quel écart d'heures ?": "6 heures de décalage horaire"
    "heure heures horaire horaires",
    "interview interviews entretien entretiens",
    "promesse promesses promet promettent promettre promis promise",  # "la promesse de X": "X promet de…"
    "traduction traductions traducteur traducteurs traductrice interprète interprètes interprétariat",
    "impôt impôts imposition fiscalité",  # "l'impôt sur les sociétés": "un taux d'imposition des sociétés"
    "séance séances atelier ateliers session sessions webinaire webinaires",  # "une séance de préparation"
    "réduit réduits réduite réduction ramené ramenée remise",  # "un tarif réduit": "2 950 €, ramené à 2 450 €"
    "gestion gère gèrent gérer géré gérés",  # "sous gestion": "qui gère 450 millions"
]
# A broad word and the narrower ones that answer it, one way only: asked whether the accommodation was
# included, "hôtel à Palo Alto compris" answers; asked which hotel, "hébergement compris" does not.
NARROWER_WORDS = [
    ("hébergement hébergés hébergée logement", "hôtel hôtels"),
    # "Le visa était-il inclus ?": "Visa : non compris" answers it (no), not the other way round
    ("inclus", "noncompris"),
    # "s'installer à Shenzhen": "ouvrir un bureau à Shenzhen" (an office opened; a settlement studied is none)
    ("installer", "bureau filiale"),
    # "Quelles retombées ?": what the mission brought, an agreement signed, an order, leads to follow
    # ("Quels résultats concrets ?": "le bilan est encourageant : deux participants ont signé…")
    ("retombées résultats résultat bilan", "accord accords contrat contrats commande commandes partenariat "
     "partenariats pistes signé signés bilan"),
]
# The two sides of one exchange, which word vectors put close: "visiteurs" are no "exposants".
COUNTERPARTS = [
    "visiteur visiteurs | exposant exposants",
    "acheteur acheteurs | vendeur vendeurs",
    "client clients | fournisseur fournisseurs",
    "importateur importateurs | exportateur exportateurs",
    "étudiant étudiants | professeur professeurs enseignant enseignants",
    "homme hommes | femme femmes",
    "employeur employeurs | salarié salariés",
]
# Adjectives of a destination, what they become after "mission" and after a business noun.
DEMONYMS = [
    ("asiatiques?", "en Asie", "d'Asie"), ("am[ée]ricaine?s?", "aux États-Unis", "des États-Unis"),
    ("isra[ée]lien(?:ne)?s?", "en Israël", "d'Israël"), ("chinoise?s?", "en Chine", "de Chine"),
    ("californien(?:ne)?s?", "en Californie", "de Californie"), ("new-yorkaise?s?", "à New York", "de New York"),
    ("qu[ée]b[ée]coise?s?", "au Québec", "du Québec"), ("canadien(?:ne)?s?", "au Canada", "du Canada"),
    ("allemande?s?", "en Allemagne", "d'Allemagne"), ("japonaise?s?", "au Japon", "du Japon"),
    ("europ[ée]en(?:ne)?s?", "en Europe", "d'Europe"),
]
BUSINESS_NOUNS = (
    r"start-?ups?|jeunes\s+pousses|entreprises?|soci[ée]t[ée]s?|investisseurs?|fonds|acheteurs?|partenaires?|"
    r"incubateurs?|universit[ée]s?"
)
# Chat shorthand and English question words, rewritten before analysis (folded, whole words).
REWRITES = [
    (r"\b(?:à|a)\s+part\s+", ""),
    (r"\bqu(?:['’]\s*|\s+)est[- ]ce\s+(?:que\b|qu['’]|qu\s|qui\b)\s*", "que "),  # "qu est ce qui etait prevu"
    (r"\bnb(?:re)?\s+(?:de|d['’])\s*", "combien de "),
    (r"\bnombre\s+(?:de|d['’])\s*", "combien de "),
    # "Quelle est la population de Tel-Aviv ?", "population jerusalem": how many people live there.
    (r"\b(?:quel(?:le)?\s+(?:est|[ée]tait)\s+)?(?:la\s+)?population\b(?:\s+(?:de|d['’]))?\s*", "combien d'habitants "),
    # "Combien de personnes vivent à Shenzhen ?": its inhabitants ("how many people live in…" too)
    (r"\b(?:personnes|gens|people)\s+(?:y\s+)?(?:vivent|vivaient|habitent|habitaient|r[ée]sident|live|lived)\b",
     "habitants"),
    # "Quelle est la taille de Securix ?": a company's size is its staff ("45 salariés")
    (r"\b(quel(?:le)?\s+(?:est|[ée]tait)\s+)la\s+taille\s+(?=de\b|du\b|d['’])", r"\1l'effectif "),
    (r"\brdv\b", "rendez-vous"),
    (r"\bfacs?\b", "universités"),  # "Dans quelles facs américaines..."
    (r"\bunivs?\b", "universités"),  # "quelles univ ont été visitées ?"
    (r"\bkms?\b", "kilomètres"),  # "cb de km en minibus ?"
    (r"\b(le|son|un|du|quel)\s+t[ée]l\b(?![\s-]*aviv)", r"\1 téléphone"),  # "le tel pour la mission"
    (r"^\s*t[ée]l\b(?![\s-]*aviv)", "téléphone"),  # "tel contact hk": a question opening on "tel" asks the phone
    (r"\b(?-i:CA)\b", "chiffre d'affaires"),  # "le CA de Lumisol" (not "ca", "ça")
    (r"\bchif+res?\s+d['’\s]\s*af+aires?\b", "chiffre d'affaires"),  # "chifre d affaire oren medical"
    (r"\b(le|du|son|leur|quel)\s+ca\b", r"\1 chiffre d'affaires"),  # "c koi le ca d'ardea ?" (not "ça")
    # "ca prend cb de tps", "ça fait combien": "ça" ("le ca d'Ardea", "ca de Lumisol" are a turnover)
    (r"(?<!quel\s)\b(?:ça|ca)\b(?!\s+(?:de|d['’]|du|des|annuel|20\d\d)\b)\s*", ""),
    (r"\btps\b", "temps"),
    (r"\bcombien\s+(?:de\s+)?(?:pour\s*cents?|pourcents?|%)", "quel pourcentage"),  # "combien de pourcent"
    # "What follow-up programme do they get?": their coaching after the mission
    (r"\bfollow[- ]?up\s+(?:programmes?|programs?|support|coaching)\b", "programme d'accompagnement"),
    (r"\bfollow[- ]?up\b", "prochaine"),  # "Is a follow-up mission planned?"
    (r"\b(?:num(?:[ée]ro)?|n°)\s+(?:de\s+)?t[ée]l\b\.?", "numéro de téléphone"),  # "le num de tel"
    (r"\bnum\b", "numéro"),  # "c koi le num pour la mission ?"
    (r"\bjour\s+de\s+la\s+semaine\b", "jour"),  # "Quel jour de la semaine...": a weekday
    (r"\ben\s+mati[èe]re\s+(de|d['’])", r"\1"),  # "en matière de contrats": of contracts
    (r"\boutre[- ]atlantique\b", "aux États-Unis"),
    # "sur la côte Est": New York, unless the question names it already (then the coast is a word to find)
    (r"^(?!.*\bnew[\s-]*york\b)(.*?)\b(?:sur\s+)?la\s+c[ôo]te\s+est\b(?:\s+(?:des\s+(?:usa|[ée]tats-unis)|am[ée]ricaine))?",
     r"\1à New York"),
    (r"\be[-‐]?mail(?:\s+address)?\b", "mail"),  # "l'e-mail", "the e-mail address": one word, "mail"
    (r"\bcontact(?:er)?\s+person\b", "contact"),
    (r"\brendez\s+vous\b", "rendez-vous"),
    (r"\b1(?:[èe]re|re)\b", "première"),
    (r"\b1er\b", "premier"),
    (r"\b2(?:e|[èe]me|nde?)\b", "deuxième"),
    (r"\b3(?:e|[èe]me)\b", "troisième"),
    (r"\b(?-i:SF)\b", "San Francisco"),
    (r"\bla\s+(premi[èe]re|deuxi[èe]me|seconde|derni[èe]re)\s+fois\b", r"la \1 édition"),  # "la première fois"
    (r"\bpas\s+(?:eu\s+lieu|[ée]t[ée]\s+organis[ée]e?)\s+plus\s+t[ôo]t\b", "été retardée"),  # "pas eu lieu plus tôt"
    # "les secteurs étudiés / représentés pendant la mission": the sectors
    (r"\b(secteurs?|domaines?|th[èe]mes?|fili[èe]res?)\s+(?:[ée]tudi|abord|vis|cibl|repr[ée]sent|trait)[ée]e?s?\b",
     r"\1"),
    # "au sujet de la mission", "à propos du voyage": about it
    (r"\b(?:au\s+sujet|[àa]\s+propos)\s+de\s+(la|l['’])\s*", r"sur \1 "),
    (r"\b(?:au\s+sujet|[àa]\s+propos)\s+du\b", "sur le"),
    (r"\b(?:au\s+sujet|[àa]\s+propos)\s+des\b", "sur les"),
    (r"\b(?:au\s+sujet|[àa]\s+propos)\s+(?:de|d['’])\s*", "sur "),
    (r"\b[ée]co\b(?!-)", "économique"),  # "rang eco mondial", not "éco-conception"
    (r"\bfigur\w*\s+au\s+programme\b", ""),  # "combien de rencontres figuraient au programme ?"
    (r"\bdevs\b", "développeurs"),
    (r"\bdev\b", "développeur"),  # "cb coute un dev experimente"
    (r"\bing[ée]s\b", "ingénieurs"),
    (r"\bing[ée]\b", "ingénieur"),
    # "ils étaient combien ?", "combien étaient-ils ?": a count of the participants.
    (r"\b(?:ils|elles|vous|on)\s+(?:[ée]taient|[ée]tiez|[ée]tait|sont|sont\s+partis)\s+combien\b",
     "combien de participants"),
    (r"\bcombien\s+(?:[ée]taient|sont|[ée]tiez)[- ](?:ils|elles|vous)\b", "combien de participants"),
    # "le chef de la délégation": who led it ("conduisait la délégation", "pilotée par").
    (r"\b(?:chef|cheffe|responsable)\s+(?:de\s+la|de\s+l['’]|du|de)\s*(d[ée]l[ée]gation|mission|voyage)\b",
     r"pilote de la \1"),
    (r"\bdu\s+c[ôo]t[ée]\s+(?=de\b|du\b|des\b|d['’])", ""),  # "du côté de la CCI": at the CCI
    (r"\b(voyages?|missions?|s[ée]jours?)\s+d['’]\s*[ée]tudes?\b", r"\1"),  # "voyage d'étude": a mission
    (r"\bsilicon\s+vall[ée]e\b", "Silicon Valley"),
    (r"\b(la|dans|ds|de|en)\s+valley\b", r"\1 Silicon Valley"),  # "ds la valley" ("la vallée de l'Arava" is none)
    (r"\by\s?avait\b", "y avait"),
    (r"\bqd\b", "quand"),
    (r"\b(?:koi|quoi)\s+comme\s+", "quels "),  # "koi comme secteurs ?": which sectors
    (r"\bpdt\b", "pendant"),
    (r"\bavt\b", "avant"),
    # Anglicisms of a French written by English speakers: "a pris place", "meeté", "les topics", "le boss"
    (r"\b(?:a|ont|avait|avaient|aura)\s+pris\s+place\b", "a eu lieu"),
    (r"\bprend\s+place\b", "a lieu"),
    (r"\bmeetings?\b", "rendez-vous"),
    (r"\bmeet(?:é|e|és|ée|ées|er)\b", "rencontré"),
    (r"\b(?<!en\s)(une|la|sa|leur|quelle|de|cette)\s+compagnie\b(?!\s+a[ée]rienne)", r"\1 entreprise"),
    (r"\b(?<!en\s)(les|des|quelles|ses|leurs|ces)\s+compagnies\b(?!\s+a[ée]riennes)", r"\1 entreprises"),
    (r"\bmain\s+topics?\b", "thème principal"),
    (r"\btopics?\b", "thèmes"),
    (r"\b(?:le|la|the)\s+boss\b", "le dirigeant"),
    (r"\bcombien\s+(?:de|d['’])\s*l['’]\s*argent\b", "combien"),
    # A manager's words around the thing itself: "la logistique des déplacements", "le planning du séjour"
    (r"\b(?:la\s+)?(?:logistique|organisation|planning|calendrier)\s+"
     r"(?=(?:des|du)\s+(?:d[ée]placements?|transports?|trajets?|transferts?)\b)", ""),
    (r"\bpour\s+(?:quelle|quelles)\s+raisons?\b|\bpour\s+quels?\s+motifs?\b|\bdans\s+quel\s+but\b", "pourquoi"),
    # A journalist's names for a destination: "l'État hébreu", "l'Empire du Milieu", "la Grosse Pomme"
    (r"\b(?:l['’]\s*)?[ée]tat\s+h[ée]breu\b", "Israël"),
    (r"\b(?:l['’]\s*)?empire\s+du\s+milieu\b", "la Chine"),
    (r"\b(?:la\s+)?grosse\s+pomme\b|\b(?:the\s+)?big\s+apple\b", "New York"),
    # "À quel montant s'élevait la participation ?": the amount it came to
    (r"\bs['’]\s*[ée]lev(?:ait|aient|e|ent|era|eront|er)\b", ""),
    (r"\ben\s+train\s+d['’]?(?:e\s+)?", ""),  # "était en train de fusionner": fusionnait
    (r"\bpr\b", "pour"),
    (r"\b(les|aux|des)\s+(?:deux|2)\s+([ée]ditions|missions|voyages|s[ée]jours)\b", r"\1 \2"),  # both: no count
    (r"\b[àa]\s+l['’]\s*[ée]tude\b", "envisagée"),  # "Quelle mission est à l'étude ?": one planned
    (r"\bcomptes?[- ]rendus?\b", "article"),  # "d'après le compte rendu de 2023": the article
    (r"\bds\b", "dans"),
    # "Quels thèmes seront mis en avant ?": "mettra l'accent sur".
    (r"\b(?:mis|mise|mises|mettr\w*|met|mettent)\s+en\s+avant\b|\b[àa]\s+l['’]honneur\b", "accent"),
    # "le contrat est signé ou pas ?": a yes-or-no question, "ou" is no "où".
    (r"[\s,]+ou\s+(?:pas|non)\s*(?=\?|$)", " "),
    # "l'aire urbaine de New York": its metropolitan area.
    (r"\b(?:aire|zone)\s+urbaine\b|\br[ée]gion\s+m[ée]tropolitaine\b", "agglomération"),
    (r"\bcoups?\s+de\s+pouce\b", "aide"),
    (r"\s\+\s*(?=\w)", " plus "),  # "la mission la + récente"
    (r"\btours?\s+de\s+table\b", "levée de fonds"),  # "le premier tour de table de Géoflux"
    # "Quelle aide la Région accorde-t-elle ?": the verb grants, it is no agreement ("accord")
    (r"\baccord(?:e|é|ée|és|ées|ent|ait|aient|era|eront)\b", "octroie"),
    (r"\bproduit\s+int[ée]rieur\s+brut\b", "PIB"),
    # "Où était logée la délégation ?", "où ont-ils dormi ?": the "Hébergement" line
    (r"\b(?:log[ée]e?s?|logeai(?:en)?t|loger|logement|dormi|dormaient|dormait|dormir)\b", "hébergés"),
    # "Combien coûte la participation, avant toute aide ?": the full price, no aid asked about
    (r"\b(?:avant|hors|sans)\s+(?:toute?s?\s+|les?\s+|la\s+|l['’]\s*|d['’]\s*)?(?:aides?|subventions?)\b", ""),
    # "la mission asiatique": the mission to Asia; "les start-ups israéliennes": those of Israel.
    *[(rf"\b(mis{{1,2}}ions?|voyages?|d[ée]l[ée]gations?|s[ée]jours?|d[ée]placements?|[ée]ditions?)\s+{adjective}\b",
       rf"\1 {place}")
      for adjective, place, _ in DEMONYMS],
    *[(rf"\b({BUSINESS_NOUNS})\s+({adjective})\b", rf"\1 \2 {of_place}") for adjective, _, of_place in DEMONYMS],
    (r"\bchef(?:fe)?s?\s+d['’]\s*entreprises?\b", "dirigeants"),
    (r"\bct\b", "c'était"),
    # "combien d'entreprises y ont pris part ?": took part, participated.
    (r"\b(?:pris|prendre|prend|prennent|prenaient|prenait|prendront)\s+part\b(?!\s+(?:de|d['’]|des|du)\b)",
     "participé"),
    # "pris en charge par la Région": paid for.
    (r"\b(?:pris|prise|prises)\s+en\s+charge\b", "financé"),
    # "rencontres d'affaires", "rendez-vous B2B": meetings.
    (r"\b(rencontres?|rendez-vous|r[ée]unions?|entretiens?|entrevues?)\s+(?:d['’\s]\s*affaires|b2b|professionnel(?:le)?s?)\b",
     r"\1"),
    (r"\badresses?\s+(?:e-?mail|mail|m[ée]l|[ée]lectronique|courriel)\b", "mail"),
    (r"\bkoi\b", "quoi"),
    # "Quand la CCI compte-t-elle retourner en Chine ?": what it plans ("prévue en octobre 2024")
    (r"\bcompt(?:e|ent)(-t)?-(il|elle|ils|elles|on)\s+(?=\w+(?:er|ir|re)\b)", r"prévoit\1-\2 de "),
    (r"\bcompt(?:e|ent)\s+(?=(?:retourner|revenir|organiser|repartir|relancer|renouveler)\b)", "prévoit de "),
    (r"\bkel(les?|s)?\b", r"quel\1"),  # "kel universites ont ete visitees"
    (r"\bcmt\b", "comment"),  # "cmt ils sont allés à Boston ?"
    # "Qu'est-ce qui n'est pas compris dans le prix ?": the "Non compris :" line, what is "hors" the price
    (r"(?:\b(?:n['’]\s*(?:est|[ée]tait|sont|[ée]taient)|ne\s+(?:sont|[ée]taient))\s+|\b)pas\s+(?:compris|inclus)e?s?\b"
     r"(?:\s+dans\s+(?:le|ce)\s+(?:prix|tarif|co[ûu]t))?", "non compris"),
    (r"\b(?:j['’]\s*ai|g)\s+besoin\s+(?:de\s+|du\s+|des\s+|d['’]\s*)", ""),  # "g besoin du tel stp"
    # "Est-ce que j'aurais eu droit à un tarif réduit ?": is there one, for whom
    (r"\b(?:eu|ai|a|as|aurais|aurait|aurions|auraient|avoir|ont|avait|avaient)\s+droit\s+(?:à|a)\s+", ""),
    (r"\b(?:eu|ai|a|as|aurais|aurait|aurions|auraient|avoir|ont|avait|avaient)\s+droit\s+(au|aux)\s+", r"\1 "),
    (r"\bki\b", "qui"),
    # "nous avions rendez-vous où ?": where they were expected, no meeting to find
    (r"\b(avions|aviez|avaient|avait|avons|avez|ont|on\s+a|a)\s+(?:eu\s+)?rendez-vous\s+(?=o[ùu]\b|avec\b|chez\b|[àa]\s)",
     r"\1 "),
    # "Comment s'appelle l'avocat rencontré ?": its name, as "quel est l'avocat… ?" asks it
    (r"\bcomment\s+(?:s['’]\s*appel(?:le|ait)|se\s+nomm(?:e|ait))\b", "quel est"),
    (r"\bcomment\s+(?:s['’]\s*appel(?:lent|aient)|se\s+nomm(?:ent|aient))\b", "quels sont"),
    # "le nom de l'élu qui conduisait…": the elected official is what is asked about, named
    (r"\ble\s+nom\s+de\s+(la|l['’])\s*", r"\1 "),
    (r"\ble\s+nom\s+du\s+", "le "),
    (r"\ble\s+nom\s+des\s+", "les "),
    # "pour la silicon valley 2024 ? pas celle de 2017": the year set aside is none asked about
    (r"\b(?:et\s+)?(?:pas|non)\s+(?:celle|celui|la\s+mission|l['’]\s*[ée]dition|le\s+voyage)?\s*(?:(?:de|en)\s+)?"
     r"(?:19|20)\d\d\b(?:\s+hein\b)?", ""),  # "(pas 2017 hein)"
    # "qui sont les 3 ventures capital rencontrés ?": which ones of a class, named
    (r"\bqui\s+(sont|[ée]taient)\s+les\s+(?=(?:\d+|deux|trois|quatre|cinq|six)\s)", r"quels \1 les "),
    # "Qui est à la tête de X ?": who runs it.
    *[
        (rf"\b(?:est|[ée]tait|sont|[ée]taient|se\s+trouve)\s+(?:à|a)\s+la\s+t[êe]te\s+{of}\s*", f"dirige {article}")
        for of, article in (
            (r"de\s+la", "la "), (r"de\s+l['’]", "l'"), ("du", "le "), ("des", "les "), (r"(?:de|d['’])", "")
        )
    ],
    # "Qui dirigeait la délégation ?": who led it ("Conduite par X, la délégation…"); "dirig-" is no
    # synonym of "conduit", which would make the companies' "dirigeants" leaders of the delegation.
    (r"\b(?:dirige|dirigeait|dirig[ée]e?|menait|emmenait)\s+(?=(?:(?:la|cette)\s+)?(?:(?:\w+\s+)?[ée]dition|"
     r"d[ée]l[ée]gation|mission)\b)",
     "conduisait "),
    # "l'incubateur visité à Beer-Sheva": the noun and its place say which; the article need not say
    # "visité" ("Sur le parc de la ville, l'incubateur X, dirigé par…"). "rencontrés" stays: "Les rencontres avec…"
    (r"\b((?:l['’]\s*|le\s+|la\s+|les\s+)[^\W\d_][\w-]*(?:\s+(?-i:[A-ZÀ-Ý])[\w-]*)*)\s+(?:visit[ée]e?s?|vue?s?)\s+"
     r"(?=(?:[àa]|au|aux|en|lors|pendant|durant)\s)", r"\1 "),
    # "la délégation partie à New York": the mission that went there, no "partie" to find
    (r"\b(d[ée]l[ée]gation|mission|groupe)\s+partie?s?\s+(?=(?:[àa]|au|aux|en|pour|vers)\s)", r"\1 "),
    (r"\bcb\b", "combien"),
    # "c'est combien la mission ?", "c combien ?": a price.
    (r"\bc(?:['’]est|\s+est|['’][ée]tait)?\s+combien\b(?!\s+de\b|\s+d['’])", "combien coûte"),
    (r"\bcombien\s+(?=par\s+(?:participant|personne|entreprise|t[êe]te)\b)", "combien coûte "),
    (r"\bp[qk]\b", "pourquoi"),
    (r"\bc(?:['’]?est|\s+est)?\s+quoi\b", "quel est"),
    (r"\bfac\b", "université"),
    (r"\bhow\s+many\b", "combien de"),
    (r"\bhow\s+long\b", "combien de temps"),
    (r"\bhow\s+much\b", "combien"),
    (r"\bwho\b", "qui"),
    (r"\bwhen\b", "quand"),
    (r"\bwhere\b", "où"),
    # "Which venture capital firms...": a plural asks for several.
    (r"\b(?:which|what)\b(?=\s+(?!(?:is|was|are|were|did|does|do|has|had)\b)(?:\w+\s+){0,2}"
     r"(?!(?:is|was|has|does|this|its)\b)\w+s\b(?!\s+(?:is|was)\b))", "quels"),
    (r"\b(?:which|what)\b", "quel"),
    (r"\bwhy\b", "pourquoi"),
    (r"\bhow\b", "comment"),
]
# Common English nouns and verbs of the business questions, put in French so that an English
# question shares words with the French articles ("How many patents..." -> "combien brevets").
ENGLISH_WORDS = {
    "patent": "brevet", "patents": "brevets", "law": "avocats", "lawyer": "avocat", "lawyers": "avocats",
    "firm": "entreprise", "firms": "entreprises", "company": "entreprise", "companies": "entreprises",
    "business": "entreprise", "businesses": "entreprises", "director": "directeur", "manager": "responsable",
    "founder": "fondateur", "founded": "fondé", "ceo": "PDG", "president": "président", "chairman": "président",
    "head": "directeur", "leads": "dirige", "leaders": "dirigeants", "inventor": "inventeur", "invented": "inventé",
    "occitan": "", "opened": "ouvert", "office": "bureau", "offices": "bureaux", "employ": "emploie",
    "employs": "emploie", "subsidiary": "filiale", "runs": "dirige", "entrepreneurs": "entrepreneurs",
    "participants": "participants", "joined": "participé", "join": "participer", "attended": "participé",
    "attend": "participer", "people": "personnes", "members": "membres", "delegation": "délégation",
    "city": "ville", "cities": "villes", "country": "pays", "visited": "visité", "visit": "visite",
    "need": "nécessaire", "needed": "nécessaire", "required": "obligatoire", "mandatory": "obligatoire",
    "meetings": "rendez-vous", "meeting": "rendez-vous", "appointments": "rendez-vous", "days": "jours",
    "raised": "levé", "raise": "levée", "funds": "fonds", "fund": "fonds", "investors": "investisseurs",
    "investment": "investissement", "revenue": "chiffre d'affaires", "turnover": "chiffre d'affaires",
    "employees": "salariés", "staff": "salariés", "startups": "start-ups", "startup": "start-up",
    "factory": "usine", "factories": "usines", "incubator": "incubateur", "accelerator": "accélérateur",
    "university": "université", "fair": "foire", "trade": "salon", "price": "prix", "cost": "coût",
    "organised": "organisé", "organized": "organisé", "organiser": "organisateur", "organizer": "organisateur",
    "partner": "partenaire", "partners": "partenaires", "goal": "objectif", "goals": "objectifs",
    "aim": "objectif", "sectors": "secteurs", "sector": "secteur", "industries": "secteurs",
    "filed": "déposé", "inhabitants": "habitants", "population": "habitants", "motto": "devise",
    "next": "prochaine", "edition": "édition", "date": "date", "dates": "dates", "mission": "mission",
    "drones": "drones", "partnered": "partenaire", "phone": "téléphone", "number": "numéro",
    "email": "e-mail", "contact": "contacter", "investor": "investisseur", "expatriate": "expatriés",
    "expatriates": "expatriés", "per": "par", "french": "français", "talk": "discussions",
    "talked": "échangé", "led": "conduit", "present": "présenté", "presented": "présenté", "hotel": "hôtel",
    "salary": "salaire", "weather": "météo",
    **dict(zip(
        "january february march april may june july august september october november december".split(),
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), strict=True,
    )),
    "agreement": "accord", "contract": "contrat", "signed": "signé", "market": "marché",
    "planned": "prévue", "after": "après", "before": "avant", "bay": "baie", "area": "région",
    "set": "monté", "hosted": "accueilli", "host": "accueille", "welcomed": "accueilli", "advice": "conseil",
    "said": "dit", "says": "dit", "quote": "citation", "created": "créé", "launched": "lancé",
    "based": "installé", "located": "situé", "headquarters": "siège", "workshop": "atelier",
    "manufacture": "fabrique", "manufactures": "fabrique", "produce": "produit", "produces": "produit",
    "airline": "compagnie aérienne", "flight": "vol", "flights": "vols", "accommodation": "hébergement",
    "included": "compris", "chamber": "chambre", "speaker": "intervenant", "sponsor": "parrain",
    "week": "semaine", "day": "jour", "month": "mois", "year": "année", "stop": "étape", "program": "programme",
    "programme": "programme", "regional": "régional", "region": "région", "researcher": "chercheur",
    "professor": "professeur", "engineer": "ingénieur", "letter": "lettre",
    "intent": "intention", "pilot": "pilote", "project": "projet", "sensors": "capteurs", "water": "eau",
    "health": "santé", "cybersecurity": "cybersécurité", "aerospace": "aéronautique", "aeronautics": "aéronautique",
    "energy": "énergie", "food": "agroalimentaire", "travelled": "rendue", "traveled": "rendue",
    "share": "part", "wastewater": "eaux usées", "reused": "réutilise", "recycled": "recycle",
    "irrigation": "irrigation", "gdp": "PIB", "research": "recherche", "spends": "consacre", "spend": "consacre",
    "topic": "thème", "topics": "thèmes", "theme": "thème", "themes": "thèmes", "subject": "sujet",
    "subjects": "sujets", "park": "parc", "parks": "parcs", "technology": "technologique", "tech": "technologique",
    "purpose": "objectif", "reason": "raison", "reasons": "raisons", "chose": "choisi", "chosen": "choisi",
    "choose": "choisir", "registration": "inscription", "register": "inscrire", "deadline": "date limite",
    "fee": "frais", "fees": "frais", "grant": "subvention", "subsidy": "subvention", "support": "soutien",
    "upcoming": "prochaine", "houses": "héberge", "hosts": "héberge", "workers": "salariés", "sales": "ventes",
    "billion": "milliards", "million": "millions", "results": "résultats", "outcome": "résultats",
    "contracts": "contrats", "agreements": "accords", "negotiation": "négociation", "negotiations": "négociations",
    "train": "train", "journey": "trajet", "visits": "visites", "lab": "laboratoire", "labs": "laboratoires",
    "laboratory": "laboratoire", "school": "école", "schools": "écoles", "universities": "universités",
    "plan": "prévoient", "plans": "prévoit", "organisers": "organisateurs", "organizers": "organisateurs",
    "exhibitors": "exposants", "exhibitor": "exposant", "visitors": "visiteurs", "visitor": "visiteur",
    "work": "travaille", "works": "travaille", "role": "rôle", "his": "", "her": "",
    "borough": "quartier", "boroughs": "quartiers", "neighborhood": "quartier", "neighborhoods": "quartiers",
    "neighbourhood": "quartier", "neighbourhoods": "quartiers", "hold": "", "held": "",
    "secure": "obtenir", "secured": "obtenu", "obtained": "obtenu", "arranged": "organisé",
    "buyers": "acheteurs", "buyer": "acheteur", "distributor": "distributeur", "distributors": "distributeurs",
    "customers": "clients", "customer": "client", "clients": "clients", "prototype": "prototype",
    "debrief": "restitution", "explained": "expliqué", "explain": "expliquer", "explains": "explique",
    "described": "décrit", "sign": "signé", "israeli": "Israël", "israelis": "Israël", "chinese": "Chine",
    "californian": "Californie", "return": "retour", "returned": "retour", "scheduled": "prévue",
    "third": "troisième", "fourth": "quatrième", "listed": "cotées", "california": "Californie",
    "china": "Chine", "israel": "Israël", "asia": "Asie", "quoted": "cité", "visa": "visa", "visas": "visas",
    "types": "types", "advertising": "publicité", "presentation": "présentation", "transport": "transport",
    "obtain": "obtenir", "licence": "licence", "license": "licence", "banking": "bancaire", "bank": "banque",
    "state": "État", "assets": "actifs", "manage": "gère", "manages": "gère", "managed": "géré",
    "average": "moyenne", "software": "logiciel", "pay": "salaire", "earn": "gagne", "earns": "gagne",
    "yearly": "par an", "annual": "annuel", "devote": "consacre", "devotes": "consacre", "rent": "loyer",
    "km": "kilomètres", "miles": "miles", "distance": "distance", "hours": "heures", "time": "temps",
}  # fmt: skip
ENGLISH_STOPWORDS = set(
    "does do did is are was were the a an of to in on at for by with from according about this "
    "that these those has have had its it their they them there be been being article trip "
    "meet met money according during should would could can will i we you me my our your please tell "
    "give any some information info call behalf up helped help helps take took takes taking get gets got".split()
)
_REWRITES = [(re.compile(pattern, re.I), repl) for pattern, repl in REWRITES]
_ENGLISH_QUESTION = re.compile(r"\b(?:how|who|what|which|when|where|why|did|does|do|is|are|was|were)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")
# "venture capital firm": a fund; "law firm": lawyers; any other firm, a company.
_ENGLISH_FIRMS = [
    (re.compile(r"\b(?:venture\s+capital|vc|investment)\s+firms?\b", re.I), "fonds"),
    (re.compile(r"\blaw\s+firms?\b", re.I), "cabinet d'avocats"),
    # "business leaders", "company heads": the companies' heads, not companies.
    (re.compile(r"\b(?:business|company)\s+(?:leaders?|owners?|executives?|heads?|managers?)\b", re.I), "dirigeants"),
    (re.compile(r"\b(?:business|b2b|one-to-one)\s+(?:meetings?|appointments?)\b", re.I), "rendez-vous"),
    (re.compile(r"\b(?:took|take|takes|taking)\s+part\b", re.I), "participé"),
    (re.compile(r"\bmost\s+recent\b", re.I), "récente"),
    (re.compile(r"\b(?:the\s+)?(?:San\s+Francisco\s+)?Bay\s+Area\b", re.I), "baie de San Francisco"),
    (re.compile(r"\b(?:the\s+)?(?:united\s+states|u\.?s\.?a?\.?)(?=\W|$)", re.I), "États-Unis"),
    (re.compile(r"\b(?:registration|participation|entry|attendance)\s+(?:fees?|costs?|prices?)\b", re.I), "prix"),
    (re.compile(r"\b(?:take|took|takes|taking|taken)\s+place\b", re.I), "déroulée"),
    (re.compile(r"\bmetro(?:politan)?\s+area\b", re.I), "agglomération"),
    (re.compile(r"\b(?:managing\s+director|general\s+manager)\b", re.I), "directeur général"),
    (re.compile(r"\bsupply\s+(?:contracts?|agreements?|deals?)\b", re.I), "contrats de fourniture"),
    # "set up a company": create it ("set up the mission": organise it, "monté")
    (re.compile(r"\bset(?:ting)?\s+up\s+(?=(?:an?|the|their|its|his|her)\s+(?:compan|business|firm|subsidiar|office|"
                r"start-?up|entit))", re.I), "créer "),
    (re.compile(r"\b(?:still\s+)?under\s+negotiation\b", re.I), "en négociation"),
    (re.compile(r"\b(?:the\s+)?middle\s+east\b", re.I), "Moyen-Orient"),
    (re.compile(r"\b(?:the\s+)?near\s+east\b", re.I), "Proche-Orient"),
    (re.compile(r"\b(?:the\s+)?east\s+coast\b", re.I), "côte Est"),
    (re.compile(r"\b(?:the\s+)?west\s+coast\b", re.I), "côte Ouest"),
]
_ENGLISH_MISSION = re.compile(r"\b(?:business|trade|study)\s+(?:trips?|missions?|delegations?|tours?)\b", re.I)
_ENGLISH_FILLER = re.compile(r"\b(?:did|does|do|the|during|of|was|were)\b\s*", re.I)


# Capitalised words past the first that are still English to translate: demonyms and places.
_ENGLISH_DEMONYMS = frozenset(
    "occitan israeli israelis chinese californian french american california china israel asia "
    "january february march april may june july august september october november december".split()
)  # (and months: "the November 2023 mission")


def _english_word(match: re.Match[str]) -> str:
    """The French of an English word; a capitalised one past the first is a name ("Kikar Labs")."""
    word = match.group()
    acronym = word.isupper() and len(word) > 1 and word.lower() in ENGLISH_WORDS  # "GDP", not "Kikar"
    if match.start() > 0 and word[:1].isupper() and word.lower() not in _ENGLISH_DEMONYMS and not acronym:
        return word
    return ENGLISH_WORDS.get(word.lower(), word)


# What speech adds around a question, transcribed: "euh", "du coup", "genre" (not "quel genre de").
_FILLERS = re.compile(
    r"\b(?:euh+|heu+|bah|ben|hein|du\s+coup|en\s+fait|genre(?!\s+(?:de|d['’]))|tu\s+vois|voil[àa])\b"
    r"|^\s*(?:bon|alors|donc)\b(?!\s+(?:que|qu['’]))",
    re.I,
)
# "c'était quoi déjà la devise ?", "on a visité Greenloop où déjà ?": a reminder asked for ("déjà fait le
# voyage" is a fact to find)
_REMINDER = re.compile(r"\b(quoi|o[ùu]|qui|quand|comment|combien|quel(?:le)?s?)\s+d[ée]j[àa]\b", re.I)
_QUANT = re.compile(r"\bquant\b(?!\s+(?:[àa]|aux?)\b)", re.I)  # "elle a eu lieu quant": "quand"
_COUNTED = (
    r"entreprises|soci[ée]t[ée]s|pme|start-?ups?|participants|personnes|dirigeants|chefs|patrons|membres|"
    r"entrepreneurs|jours|nuits|heures|ans|rendez-vous|visites|rencontres|villes|euros|dollars|%|pour\s*cents?"
)
_YEAR_WORDS = NUMBER_IN_WORDS.replace("(?:un|une|", "(?:un|")  # "deux mille vingt et un"
# A year said aloud: "en deux mille dix-neuf"; "la mission de dix-sept", "silicon valley de 24" (a
# mission's year, unless a plural noun follows: "la mission de dix-sept entreprises" counts them).
_SPOKEN_YEAR = re.compile(rf"\bdeux\s+mille(?:\s+|-)({_YEAR_WORDS})\b", re.I)
_SHORT_YEAR = re.compile(
    rf"\b({MISSION_NOUNS}|voyage|valley|york|isra[ëe]l|shenzh?en|kong|californie|chine|aviv)\s+(de|en)\s+"
    rf"(1[7-9]|[23]\d|{_YEAR_WORDS})\b(?![\s-]+(?:{_COUNTED})\b)",
    re.I,
)


def _year(words: str, low: int = 0) -> str | None:
    """2017 from "dix-sept" (a two-digit year), or from "deux mille dix-sept"'s "dix-sept"."""
    value = number_value(words)
    return str(2000 + value) if value is not None and low <= value < 50 else None


# A slip put right: "la mission à New York non pardon en Israël" (the words before it go, with their preposition).
_CORRECTED = re.compile(
    r"\b(?:[àa]|en|de|du|au|aux|pour)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*,?\s*"
    r"(?:non\s*,?\s*pardon|pardon|enfin\s+non|non\s+je\s+veux\s+dire|je\s+veux\s+dire|je\s+voulais\s+dire)\b\s*,?",
    re.I,
)


def _spoken(question: str) -> str:
    """A question as speech transcribes it, in writing: no fillers, "quand", years in digits, slips put right."""
    question = _CORRECTED.sub(" ", _QUANT.sub("quand", _REMINDER.sub(r"\1", _FILLERS.sub(" ", question))))
    question = _SPOKEN_YEAR.sub(lambda m: _year(m[1]) or m[0], question)
    return _SHORT_YEAR.sub(lambda m: f"{m[1]} {m[2]} {y}" if (y := _year(m[3], 17)) else m[0], question)


# A request for the fact rather than a question: "Donne-moi le nombre de…", "Pourriez-vous me préciser
# combien…", "Je cherche le nom de…", "Rappelle-moi qui…" (then a question word, "si", or what is asked for).
_ASKING = (
    r"(?:donne|donnez|donner|rappelle|rappelez|rappeler|indique|indiquez|indiquer|pr[ée]cise|pr[ée]cisez|pr[ée]ciser|"
    r"retrouve|retrouvez|retrouver|trouve|trouvez|trouver|dis|dites|dire|cite|citez|citer|communique|communiquez|"
    r"communiquer|fournis|fournissez|fournir|confirme|confirmez|confirmer|explique|expliquez|expliquer|"
    r"d[ée]cris|d[ée]crivez|d[ée]crire|r[ée]sume|r[ée]sumez|r[ée]sumer|nomme|nommez|nommer)"
)
_REQUEST = re.compile(
    r"^\s*(?:bonjour|salut|hello)?[\s,]*"
    r"(?:(?:(?:est-ce\s+que\s+)?(?:tu\s+peux|vous\s+pouvez|tu\s+pourrais|vous\s+pourriez)|peux[- ]tu|pouvez[- ]vous|"
    r"pourrais[- ]tu|pourriez[- ]vous|merci\s+de|"
    r"(?:je|j['’])\s*(?:voudrais|aimerais|souhaite|souhaiterais)\s+que\s+(?:tu|vous))"
    rf"\s+(?:me\s+|m['’]\s*|nous\s+)?{_ASKING}\b"
    rf"|{_ASKING}[- ](?:moi|nous)\b"
    rf"|{_ASKING}\b(?=\s+(?:l[ea]s?|l['’]|une?|des|qui|quand|o[ùu]|combien|comment|pourquoi|si|quel|ce\s+qu))"
    r"|(?:je|j['’])\s*(?:voudrais|souhaiterais|aimerais|veux|souhaite|cherche|recherche)(?:\s+bien)?"
    r"(?:\s+(?:savoir|conna[îi]tre|avoir|obtenir|retrouver|comprendre|(?:[àa]\s+)?savoir))?"
    r"|(?:je|j['’])\s*ai\s+besoin\s+(?:de\s+)?(?:savoir|conna[îi]tre)?"
    # an indirect question: "Je me demandais combien…", "Aucune idée de qui…", "Sais-tu si…", "Je ne sais
    # plus quand…", "Impossible de me rappeler…", "Tu saurais me dire où…", "Ça m'intéresserait de savoir…"
    r"|je\s+me\s+(?:demandais|demande|suis\s+demand[ée]e?)|aucune\s+id[ée]e(?:\s+de\b|\s+d['’]|(?=\s+d))?"
    r"|(?:je\s+ne\s+|j['’]\s*)?(?:sais|savais)\s+(?:plus|pas)|j['’]\s*ignore|je\s+n['’]\s*ai\s+pas\s+retrouv[ée]"
    r"|(?:impossible\s+de|je\s+n['’]\s*arrive\s+(?:pas|plus)\s+[àa])\s+(?:me\s+)?(?:rappeler|souvenir|retrouver)"
    r"|je\s+ne\s+me\s+(?:souviens|rappelle)\s+plus(?:\s+de)?"
    r"|(?:sais|savez)[- ](?:tu|vous)|(?:tu\s+sais|vous\s+savez)"
    r"|(?:tu\s+saurais|vous\s+sauriez|saurais[- ]tu|sauriez[- ]vous)"
    r"(?:\s+(?:me\s+|nous\s+)?dire)?"
    r"|[çc]a\s+m['’]\s*int[ée]resse(?:rait)?\s+de\s+(?:savoir|conna[îi]tre)"
    r"|i\s+(?:was\s+wondering|wonder|would\s+like\s+to\s+know|['’]d\s+like\s+to\s+know)|do\s+you\s+know)"
    r"[\s,:]*",
    re.I,
)
_ASKED_THING = [  # what the request asks for, as a question
    (re.compile(r"^du\s+", re.I), "quel est le "),  # "Aucune idée du nom du fabricant"
    (re.compile(r"^de\s+la\s+", re.I), "quelle est la "),
    (re.compile(r"^des\s+", re.I), "quels sont les "),
    (re.compile(r"^(?:le\s+)?nombre\s+(?:de\s+|d['’]\s*)", re.I), "combien de "),
    (re.compile(r"^si\s+", re.I), "est-ce que "),
    (re.compile(r"^ce\s+qu(?=i\b|e\b|['’])", re.I), "qu'est-ce qu"),
    (re.compile(r"^(?=l['’]\s*|le\s|un\s)", re.I), "quel est "),
    (re.compile(r"^(?=la\s|une\s)", re.I), "quelle est "),
    (re.compile(r"^(?=les\s|des\s)", re.I), "quels sont "),
]
_THANKS = re.compile(
    r"[\s,]*(?:merci(?:\s+(?:beaucoup|d['’]avance|bien))?|s['’]il\s+(?:te|vous)\s+pla[iî]t|stp|svp)\s*(?=[.!?]*\s*$)",
    re.I,
)


# A query typed as keywords, no question word: "fondatrice NegevAqua" (who holds the role), "nb participants
# NY", "rdv 2017 total" (how many)
_QUESTION_WORD = re.compile(
    r"\b(?:qui|que|quoi|quel|quelle|quels|quelles|combien|quand|o[uù]|comment|pourquoi|est-ce|ki|koi|qd|cb|pk|"
    r"who|what|which|when|where|why|how)\b|\?.*\S|-(?:il|elle|ils|elles|on|t)\b",
    re.I,
)
_ROLE_FIRST = re.compile(
    rf"^\s*({'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})\s+(?:de\s+|d['’]\s*|du\s+)?(?=\S)", re.I
)
_COUNTED = re.compile(r"^\s*(?:nb|nbre|nombre)\s+(?!de\b|d['’])|\s+(?:au\s+)?total\s*\??\s*$", re.I)


def _keywords(question: str) -> str:
    """A keyword query read as the question it stands for: "fondatrice NegevAqua" -> "qui est fondatrice de
    NegevAqua ?", "rdv 2017 total" -> "combien de rdv 2017 ?"; a question as it is.
    """
    if _QUESTION_WORD.search(question):
        return question
    if role := _ROLE_FIRST.match(fold(question)):
        return f"qui est {question[: role.end(1)]} de {question[role.end() :].rstrip(' ?')} ?"
    if _COUNTED.search(question):
        return f"combien de {_COUNTED.sub(' ', question).strip(' ?')} ?"
    return question


def _request(question: str) -> str:
    """A request read as the question it stands for: "Donne-moi le nombre de chefs d'entreprise partis." ->
    "combien de chefs d'entreprise partis ?"; "Précisez le tarif de la mission, merci." -> "quel est le tarif
    de la mission ?".
    """
    match = _REQUEST.match(question)
    if not match or match.end() == len(question):
        return question
    asked = _THANKS.sub("", question[match.end() :]).rstrip(" .!")
    for pattern, opening in _ASKED_THING:
        if pattern.search(asked):
            asked = pattern.sub(opening, asked, count=1)
            break
    return asked if asked.endswith("?") else f"{asked} ?"


@lru_cache(maxsize=4096)
def rewrite(question: str) -> str:
    """Chat shorthand and English question words in French: "nb de rdv ?" -> "combien de rendez-vous ?".

    An English question also gets its common business words in French ("patents" -> "brevets"); a
    spoken one loses its fillers and gets its years in digits. Pure, so read once per question (the
    answerer asks for it again for each sentence it weighs).
    """
    question = _request(as_question(_spoken(tidied(question))))  # "Il me semble que X coûtait 3 000 €, c'est ça ?"
    question = _keywords(question)  # "fondatrice NegevAqua", "rdv 2017 total"
    if _ENGLISH_QUESTION.search(question):
        question = _ENGLISH_MISSION.sub("mission", question)  # "the business trip": the mission, no company
        for pattern, french in _ENGLISH_FIRMS:
            question = pattern.sub(french, question)
        question = _WORD.sub(_english_word, question)
        markers = {w.lower() for w in _WORD.findall(question)} & ENGLISH_STOPWORDS
        if len(markers) >= 2:
            question = _ENGLISH_FILLER.sub("", question)  # "What did X present?": "did" is no head noun
    for pattern, repl in _REWRITES:
        question = pattern.sub(repl, question)
    return number_days(question)  # "le quatrième jour": "Jour 4" in a day-by-day programme


@cache
def type_heads() -> dict[str, frozenset[str]]:
    """Stems of the type head nouns, by answer type."""
    return {kind: frozenset(_stems(words)) for kind, words in TYPE_HEAD_WORDS.items()}


@cache
def narrow_classes() -> frozenset[str]:
    """Stems of the class nouns that stay words to find ("incub", "fond")."""
    return frozenset(_stems(NARROW_CLASS_WORDS))


@cache
def required_money_heads() -> frozenset[str]:
    """Stems of money heads that must appear in the answer ("chiffr", "salair")."""
    return frozenset(_stems(REQUIRED_MONEY_WORDS))


@cache
def companions() -> frozenset[str]:
    """Stems that belong to the head before them ("chiffre d'affaires")."""
    return frozenset(_stems(HEAD_COMPANION_WORDS))


@cache
def expansion_terms(kind: str) -> tuple[str, ...]:
    """Stems added to the lexical query of a question of `kind` ("future", "money")."""
    return tuple(dict.fromkeys(_stems(QUERY_EXPANSIONS[kind])))


@cache
def synonyms() -> dict[str, frozenset[str]]:
    """Each stem's synonyms, and the narrower words that answer it: "fond" -> {"ventur", "vc", ...}."""
    table: dict[str, set[str]] = {}
    for group in SYNONYM_WORDS:
        stems = set(_stems(group))
        for s in stems:
            table.setdefault(s, set()).update(stems - {s})
    for broad, narrow in NARROWER_WORDS:
        for s in _stems(broad):
            table.setdefault(s, set()).update(_stems(narrow))
    return {k: frozenset(v) for k, v in table.items()}


@cache
def _counterpart_sides() -> dict[str, tuple[int, int]]:
    """Each counterpart word's (group, side)."""
    return {
        fold(word): (g, side)
        for g, group in enumerate(COUNTERPARTS)
        for side, half in enumerate(group.split("|"))
        for word in half.split()
    }


def counterparts(word: str, other: str) -> bool:
    """`word` and `other` name the two sides of one exchange: ("visiteurs", "exposants") -> True."""
    sides = _counterpart_sides()
    a, b = sides.get(fold(word)), sides.get(fold(other))
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def demonym_places(term: str) -> frozenset[str]:
    """The place stems an adjective names: "californien" -> {"californ"}, "chinois" -> {"chin"}."""
    return frozenset(
        t for adjective, place, _ in DEMONYMS if re.fullmatch(fold(adjective), term) for t in _stems(place)
    ) - set(_stems("en au aux à"))


_NATIONALITY = re.compile("|".join([*(fold(a) for a, _, _ in DEMONYMS), "francaise?s?", "etrangere?s?"]))


def is_nationality(word: str) -> bool:
    """`word` (folded) says where someone or something comes from: "françaises", "israéliens"."""
    return _NATIONALITY.fullmatch(word) is not None


FAMILY_PREFIX = 7  # "satisfaction" and "satisfaits", "reconversion" and "reconverti": one word family
FAMILY_ENDING = 2


@lru_cache(maxsize=262144)  # on the hot path of every term_in: the family test costs a prefix scan
def stems_match(a: str, b: str) -> bool:
    """Same stem, or one a prefix of the other from five letters: "presid" ~ "president"; or one
    family, a long common start and short different endings ("satisfact" ~ "satisfait").
    """
    if a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a))) or same_family(a, b):
        return True
    return _masculine(a) == _masculine(b)  # "directric" ~ "directeur", "chercheux" ~ "chercheur"


def _masculine(term: str) -> str:
    """The stem of a feminine noun of a trade in its masculine form: "fondatric" -> "fondateur"."""
    if term.endswith("tric"):
        return term[:-4] + "teur"
    return term[:-3] + "eur" if term.endswith("eux") else term


def same_family(a: str, b: str) -> bool:
    """A long common start and short endings: "satisfact" ~ "satisfait", "retourne" ~ "retourn"."""
    common = len(os.path.commonprefix([a, b]))
    return common >= FAMILY_PREFIX and max(len(a), len(b)) - common <= FAMILY_ENDING


def stem_in(term: str, bag: Collection[str]) -> bool:
    """`term` or a longer/shorter form of it (5+ letters) is in `bag`."""
    return term in bag or (len(term) >= 5 and any(stems_match(term, other) for other in bag))


def term_in(term: str, bag: Collection[str]) -> bool:
    """`term`, a longer or shorter form of it, or a synonym, is in `bag`."""
    return stem_in(term, bag) or any(stem_in(other, bag) for other in synonyms_of(term))


@lru_cache(maxsize=65536)
def synonyms_of(term: str) -> frozenset[str]:
    """The synonyms of `term` or of a longer or shorter form of it: "retourne" (from an unaccented
    "retournee") has those of "retourn", "salar" (from "salaries") those of "salari".
    """
    table = synonyms()
    found = set(table.get(term, ()))
    for key, others in table.items():  # not "trois" for "troisiem", nor "investisseur" for "invest"
        longer = len(key) >= FAMILY_PREFIX and term.startswith(key)  # "subventionn" has those of "subvent"
        # "salar" (an unaccented "salaries") has those of "salari"; one letter short at most
        shorter = len(term) >= 5 and key.startswith(term) and len(key) - len(term) == 1
        if key != term and (longer or shorter or same_family(term, key)):
            found |= others
    return frozenset(found - {term})


def _stems(text: str) -> list[str]:
    out = []
    for word in text.split():
        for part in re.split(r"[-’']", word):
            if part:
                out.append(stem(part.lower()) if not part.isupper() else fold(part))
    return out
