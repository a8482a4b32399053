// Phrase banks of the sample generator, written for parley (English, German, Danish, French,
// Spanish). The companies, products and people are fictional.
#include "phrases.hpp"

namespace parley::sample {

namespace {

PhraseBank english() {
  PhraseBank b;
  auto set = [&b](PhraseKind kind, std::vector<std::string_view> items) {
    b.phrases[static_cast<std::size_t>(kind)] = std::move(items);
  };
  set(PhraseKind::seller_greeting,
      {"Hi {name}, thanks for taking the time today.",
       "Good morning {name}, this is {seller} from Brightwave.", "Hello {name}, great to finally connect.",
       "Hi {name}, can you hear me all right?"});
  set(PhraseKind::customer_greeting,
      {"Hi, yes, good to talk to you.", "Hello, thanks for calling.", "Morning! Yes, I can hear you fine.",
       "Hi {seller}, thanks for setting this up."});
  set(PhraseKind::seller_question,
      {"What are the biggest challenges your team is facing right now?",
       "How are you handling this process today?", "Who else is involved in the decision?",
       "What would success look like for you in six months?", "What is your timeline for a decision?",
       "How many people would use the platform?", "What made you start looking for a new solution?",
       "How do you measure that today?"});
  set(PhraseKind::seller_keyword,
      {"Many of our customers start with {kw}, and it usually pays off quickly.",
       "Let me show you how {kw} works in practice.", "Our approach to {kw} is what sets us apart.",
       "We can walk your team through {kw} step by step."});
  set(PhraseKind::seller_statement,
      {"That makes a lot of sense.", "We see that a lot with companies your size.",
       "The platform brings all your customer conversations into one place.",
       "Your managers get a clear view of every deal in the pipeline.",
       "Setup usually takes about two weeks.", "I understand, let me explain how we handle that.",
       "Most teams see results within the first quarter."});
  set(PhraseKind::seller_price, {"The standard plan is {price} per month for your team.",
                                 "For fifty users we are looking at roughly {price} a year.",
                                 "I can offer you {price} if you sign this quarter."});
  set(PhraseKind::seller_next_step,
      {"I'll send you the proposal by Friday.", "Let's schedule a demo with your team next week.",
       "I will follow up with a summary and the contract draft.",
       "Shall we meet again on Tuesday to go through the details?"});
  set(PhraseKind::customer_positive,
      {"That sounds really good.", "I love how simple that looks.", "This is exactly what we need.",
       "Great, that would help us a lot.", "Honestly, that's impressive."});
  set(PhraseKind::customer_neutral,
      {
       // Hard cases: a participant's name, capitalised common words, negation, hypothetical,
       // reported speech, a closing: none is a brand or an action item.
       "Thanks {seller}, I won't be able to send the numbers before Monday.",
       "If we moved to the next step, Legal and Procurement would want to see the contract.",
       "Our Head of Sales said she would call you about it.",
       "Okay, see you next week.",
       "Okay, I see.", "We have about forty people in sales.",
       "Right now we use spreadsheets for most of it.", "Our fiscal year starts in January.",
       "Let me check with my manager.", "I think that is roughly correct."});
  set(PhraseKind::customer_negative,
      {"Honestly, that is too expensive for us.", "I'm worried that the migration will be painful.",
       "We had a bad experience with a similar tool.", "That doesn't really solve our problem.",
       "I'm not convinced this is worth the effort.", "The last rollout was a disaster and nobody used it."});
  set(PhraseKind::customer_keyword_question,
      {"How does your {kw} compare to what we have?", "Can you tell me more about {kw}?",
       "What does {kw} look like for a team like ours?", "Is {kw} included in the standard plan?"});
  set(PhraseKind::customer_competitor,
      {"We are also talking to {comp} at the moment.", "{comp} offered us a lower price.",
       "Our previous vendor was {comp}.", "How are you different from {comp}?"});
  set(PhraseKind::customer_brand,
      {"We currently work with {brand} on this.", "Our parent company uses {brand}.",
       "We just signed with {brand} for our invoicing.", "{brand} recommended we look at tools like yours."});
  set(PhraseKind::customer_question, {"How long does the setup take?", "Do you offer training?",
                                      "Can we try it before we buy?", "Who would be our contact person?"});
  set(PhraseKind::backchannel, {"Mm-hmm.", "Yeah.", "Right.", "Okay.", "Sure."});
  set(PhraseKind::seller_closing, {"Thanks so much for your time today, {name}.",
                                   "Great talking to you, speak soon.", "Thank you, I'll be in touch."});
  set(PhraseKind::customer_closing, {"Thank you, bye.", "Thanks, talk soon.", "Sounds good, bye for now."});
  b.first_names = {"Emma", "James", "Olivia", "Michael", "Sarah", "David", "Grace", "Daniel"};
  b.last_names = {"Miller", "Carter", "Hughes", "Bennett", "Foster", "Reed", "Walsh", "Turner"};
  b.company_suffix = "Inc.";
  return b;
}

PhraseBank german() {
  PhraseBank b;
  auto set = [&b](PhraseKind kind, std::vector<std::string_view> items) {
    b.phrases[static_cast<std::size_t>(kind)] = std::move(items);
  };
  set(PhraseKind::seller_greeting,
      {"Hallo {name}, danke, dass Sie sich heute Zeit nehmen.",
       "Guten Morgen {name}, hier ist {seller} von Brightwave.",
       "Hallo {name}, schön, dass es endlich klappt.", "Hallo {name}, können Sie mich gut hören?"});
  set(PhraseKind::customer_greeting,
      {"Hallo, ja, freut mich.", "Guten Tag, danke für den Anruf.", "Morgen! Ja, ich höre Sie gut.",
       "Hallo {seller}, danke für die Einladung."});
  set(PhraseKind::seller_question,
      {"Was sind im Moment die größten Herausforderungen in Ihrem Team?", "Wie lösen Sie das heute?",
       "Wer ist noch an der Entscheidung beteiligt?", "Woran würden Sie in sechs Monaten den Erfolg messen?",
       "Bis wann möchten Sie eine Entscheidung treffen?", "Wie viele Personen würden die Plattform nutzen?",
       "Warum suchen Sie gerade jetzt nach einer neuen Lösung?"});
  set(PhraseKind::seller_keyword,
      {"Viele unserer Kunden beginnen mit {kw}, und das zahlt sich meist schnell aus.",
       "Ich zeige Ihnen gern, wie {kw} in der Praxis funktioniert.",
       "Bei {kw} unterscheiden wir uns deutlich.", "Wir begleiten Ihr Team Schritt für Schritt durch {kw}."});
  set(PhraseKind::seller_statement,
      {"Das klingt sehr nachvollziehbar.", "Das hören wir oft von Unternehmen Ihrer Größe.",
       "Die Plattform bündelt alle Kundengespräche an einem Ort.",
       "Ihre Führungskräfte sehen jeden Deal in der Pipeline auf einen Blick.",
       "Die Einrichtung dauert meistens etwa zwei Wochen.",
       "Verstehe, ich erkläre Ihnen, wie wir das lösen."});
  set(PhraseKind::seller_price,
      {"Das Standardpaket kostet {price} pro Monat für Ihr Team.",
       "Für fünfzig Nutzer liegen wir bei ungefähr {price} im Jahr.",
       "Wenn Sie noch in diesem Quartal unterschreiben, kann ich Ihnen {price} anbieten."});
  set(PhraseKind::seller_next_step, {"Ich schicke Ihnen das Angebot bis Freitag.",
                                     "Lassen Sie uns nächste Woche eine Demo mit Ihrem Team planen.",
                                     "Ich melde mich mit einer Zusammenfassung und dem Vertragsentwurf.",
                                     "Wollen wir am Dienstag noch einmal über die Details sprechen?"});
  set(PhraseKind::customer_positive,
      {"Das klingt wirklich gut.", "Das sieht sehr einfach aus, gefällt mir.", "Genau das brauchen wir.",
       "Super, das würde uns sehr helfen.", "Ehrlich gesagt, das ist beeindruckend."});
  set(PhraseKind::customer_neutral,
      {
       // Hard cases: a participant's name, capitalised common words, negation, hypothetical,
       // reported speech, a closing: none is a brand or an action item.
       "Danke, {seller}, ich werde Ihnen die Zahlen leider nicht vor Montag schicken können.",
       "Wenn wir den nächsten Schritt gehen würden, müsste unsere Rechtsabteilung den Vertrag prüfen.",
       "Unser Vertriebsleiter hat gesagt, dass er Sie anrufen würde.",
       "Alles klar, bis dann.",
       "Okay, verstehe.", "Wir haben etwa vierzig Leute im Vertrieb.",
       "Im Moment machen wir das meiste mit Excel.", "Unser Geschäftsjahr beginnt im Januar.",
       "Das muss ich mit meinem Chef abstimmen."});
  set(PhraseKind::customer_negative,
      {"Ehrlich gesagt ist das zu teuer für uns.", "Ich habe Sorge, dass die Migration schmerzhaft wird.",
       "Mit einem ähnlichen Tool haben wir schlechte Erfahrungen gemacht.",
       "Das löst unser Problem nicht wirklich.", "Ich bin nicht überzeugt, dass sich der Aufwand lohnt."});
  set(PhraseKind::customer_keyword_question,
      {"Wie sieht es bei Ihnen mit {kw} aus?", "Können Sie mir mehr über {kw} erzählen?",
       "Wie funktioniert {kw} für ein Team wie unseres?", "Ist {kw} im Standardpaket enthalten?"});
  set(PhraseKind::customer_competitor,
      {"Wir sprechen gerade auch mit {comp}.", "{comp} hat uns einen günstigeren Preis angeboten.",
       "Unser bisheriger Anbieter war {comp}.", "Was unterscheidet Sie von {comp}?"});
  set(PhraseKind::customer_brand,
      {"Wir arbeiten dafür derzeit mit {brand}.", "Unsere Muttergesellschaft nutzt {brand}.",
       "Für die Rechnungsstellung haben wir gerade {brand} unter Vertrag genommen."});
  set(PhraseKind::customer_question, {"Wie lange dauert die Einrichtung?", "Bieten Sie Schulungen an?",
                                      "Können wir das vorher testen?", "Wer wäre unser Ansprechpartner?"});
  set(PhraseKind::backchannel, {"Mhm.", "Ja.", "Genau.", "Okay.", "Verstehe."});
  set(PhraseKind::seller_closing, {"Vielen Dank für Ihre Zeit, {name}.",
                                   "Schön, dass wir gesprochen haben, bis bald.", "Danke, ich melde mich."});
  set(PhraseKind::customer_closing, {"Danke, tschüss.", "Danke, bis bald.", "Klingt gut, auf Wiederhören."});
  b.first_names = {"Anna", "Lukas", "Julia", "Jonas", "Katrin", "Stefan", "Miriam", "Tobias"};
  b.last_names = {"Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner", "Schulz", "Krüger"};
  b.company_suffix = "GmbH";
  return b;
}

PhraseBank danish() {
  PhraseBank b;
  auto set = [&b](PhraseKind kind, std::vector<std::string_view> items) {
    b.phrases[static_cast<std::size_t>(kind)] = std::move(items);
  };
  set(PhraseKind::seller_greeting,
      {"Hej {name}, tak fordi du har tid i dag.", "Godmorgen {name}, det er {seller} fra Brightwave.",
       "Hej {name}, dejligt at vi endelig kan tales ved.", "Hej {name}, kan du høre mig?"});
  set(PhraseKind::customer_greeting,
      {"Hej, ja, godt at høre fra dig.", "Hej, tak for opkaldet.", "Godmorgen! Ja, jeg kan høre dig fint.",
       "Hej {seller}, tak fordi du satte det op."});
  set(PhraseKind::seller_question,
      {"Hvad er de største udfordringer for jeres team lige nu?", "Hvordan håndterer I det i dag?",
       "Hvem er ellers med i beslutningen?", "Hvordan ser succes ud for jer om seks måneder?",
       "Hvornår regner I med at træffe en beslutning?", "Hvor mange vil bruge platformen?",
       "Hvorfor kigger I efter en ny løsning nu?"});
  set(PhraseKind::seller_keyword,
      {"Mange af vores kunder starter med {kw}, og det betaler sig som regel hurtigt.",
       "Lad mig vise dig, hvordan {kw} fungerer i praksis.",
       "Vores tilgang til {kw} er det, der adskiller os.",
       "Vi tager jeres team igennem {kw} trin for trin."});
  set(PhraseKind::seller_statement,
      {"Det giver rigtig god mening.", "Det ser vi tit hos virksomheder på jeres størrelse.",
       "Platformen samler alle jeres kundesamtaler ét sted.",
       "Jeres ledere får et klart overblik over alle handler i pipelinen.",
       "Opsætningen tager normalt omkring to uger.",
       "Jeg forstår, lad mig forklare, hvordan vi håndterer det."});
  set(PhraseKind::seller_price, {"Standardpakken koster {price} om måneden for jeres team.",
                                 "For halvtreds brugere taler vi om cirka {price} om året.",
                                 "Jeg kan tilbyde dig {price}, hvis I skriver under i dette kvartal."});
  set(PhraseKind::seller_next_step,
      {"Jeg sender dig tilbuddet inden fredag.", "Lad os planlægge en demo med dit team i næste uge.",
       "Jeg følger op med et resumé og et udkast til kontrakten.",
       "Skal vi mødes igen på tirsdag og gennemgå detaljerne?"});
  set(PhraseKind::customer_positive,
      {"Det lyder rigtig godt.", "Jeg kan godt lide, hvor enkelt det ser ud.",
       "Det er præcis, hvad vi har brug for.", "Super, det ville hjælpe os meget.",
       "Ærligt talt, det er imponerende."});
  set(PhraseKind::customer_neutral,
      {
       // Hard cases: a participant's name, capitalised common words, negation, hypothetical,
       // reported speech, a closing: none is a brand or an action item.
       "Tak, {seller}, jeg kan desværre ikke sende tallene før mandag.",
       "Hvis vi gik videre til næste skridt, skulle Juridisk Afdeling se kontrakten.",
       "Min chef sagde, at han ville ringe til dig.",
       "Okay, vi ses.",
       "Okay, jeg forstår.", "Vi er omkring fyrre personer i salg.", "Lige nu bruger vi mest regneark.",
       "Vores regnskabsår starter i januar.", "Jeg skal lige tale med min chef."});
  set(PhraseKind::customer_negative,
      {"Ærligt talt er det for dyrt for os.", "Jeg er bekymret for, at migreringen bliver besværlig.",
       "Vi havde en dårlig oplevelse med et lignende værktøj.", "Det løser ikke rigtig vores problem.",
       "Jeg er ikke overbevist om, at det er besværet værd."});
  set(PhraseKind::customer_keyword_question,
      {"Hvordan er jeres {kw} sammenlignet med det, vi har?", "Kan du fortælle mere om {kw}?",
       "Hvordan ser {kw} ud for et team som vores?", "Er {kw} inkluderet i standardpakken?"});
  set(PhraseKind::customer_competitor,
      {"Vi taler også med {comp} i øjeblikket.", "{comp} har tilbudt os en lavere pris.",
       "Vores tidligere leverandør var {comp}.", "Hvordan adskiller I jer fra {comp}?"});
  set(PhraseKind::customer_brand,
      {"Vi arbejder i dag sammen med {brand} om det.", "Vores moderselskab bruger {brand}.",
       "Vi har lige skrevet kontrakt med {brand} om fakturering."});
  set(PhraseKind::customer_question, {"Hvor lang tid tager opsætningen?", "Tilbyder I undervisning?",
                                      "Kan vi prøve det, før vi køber?", "Hvem bliver vores kontaktperson?"});
  set(PhraseKind::backchannel, {"Mm.", "Ja.", "Præcis.", "Okay.", "Nå."});
  set(PhraseKind::seller_closing, {"Mange tak for din tid i dag, {name}.", "Dejligt at tale med dig, vi ses.",
                                   "Tak, jeg vender tilbage."});
  set(PhraseKind::customer_closing, {"Tak, hej hej.", "Tak, vi tales ved.", "Det lyder godt, hej så længe."});
  b.first_names = {"Mette", "Søren", "Freja", "Mads", "Ida", "Rasmus", "Signe", "Anders"};
  b.last_names = {"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"};
  b.company_suffix = "A/S";
  return b;
}

PhraseBank french() {
  PhraseBank b;
  auto set = [&b](PhraseKind kind, std::vector<std::string_view> items) {
    b.phrases[static_cast<std::size_t>(kind)] = std::move(items);
  };
  set(PhraseKind::seller_greeting,
      {"Bonjour {name}, merci de prendre le temps aujourd'hui.",
       "Bonjour {name}, c'est {seller} de Brightwave.", "Bonjour {name}, ravi de pouvoir enfin échanger.",
       "Bonjour {name}, vous m'entendez bien ?"});
  set(PhraseKind::customer_greeting,
      {"Bonjour, oui, ravi de vous parler.", "Bonjour, merci pour l'appel.",
       "Bonjour ! Oui, je vous entends bien.", "Bonjour {seller}, merci d'avoir organisé cet appel."});
  set(PhraseKind::seller_question,
      {"Quels sont les plus grands défis de votre équipe en ce moment ?",
       "Comment gérez-vous ce processus aujourd'hui ?", "Qui d'autre participe à la décision ?",
       "À quoi ressemblerait la réussite pour vous dans six mois ?",
       "Quel est votre calendrier pour prendre une décision ?",
       "Combien de personnes utiliseraient la plateforme ?",
       "Pourquoi cherchez-vous une nouvelle solution maintenant ?"});
  set(PhraseKind::seller_keyword, {"Beaucoup de nos clients commencent par la {kw}, et c'est vite rentable.",
                                   "Je vais vous montrer comment la {kw} fonctionne en pratique.",
                                   "Notre approche de la {kw} fait vraiment la différence.",
                                   "Nous accompagnons votre équipe sur la {kw} étape par étape."});
  set(PhraseKind::seller_statement,
      {"Cela a tout à fait du sens.", "C'est fréquent dans les entreprises de votre taille.",
       "La plateforme réunit toutes vos conversations clients au même endroit.",
       "Vos managers voient clairement chaque affaire du pipeline.",
       "La mise en place prend en général deux semaines.",
       "Je comprends, laissez-moi vous expliquer notre approche."});
  set(PhraseKind::seller_price, {"L'offre standard est à {price} par mois pour votre équipe.",
                                 "Pour cinquante utilisateurs, on parle d'environ {price} par an.",
                                 "Je peux vous proposer {price} si vous signez ce trimestre."});
  set(PhraseKind::seller_next_step, {"Je vous envoie la proposition d'ici vendredi.",
                                     "Planifions une démonstration avec votre équipe la semaine prochaine.",
                                     "Je reviens vers vous avec un résumé et le projet de contrat.",
                                     "On se revoit mardi pour passer en revue les détails ?"});
  set(PhraseKind::customer_positive,
      {"Ça a l'air vraiment bien.", "J'aime beaucoup la simplicité.", "C'est exactement ce qu'il nous faut.",
       "Super, cela nous aiderait beaucoup.", "Franchement, c'est impressionnant."});
  set(PhraseKind::customer_neutral,
      {
       // Hard cases: a participant's name, capitalised common words, negation, hypothetical,
       // reported speech, a closing: none is a brand or an action item.
       "Merci {seller}, je ne pourrai pas vous envoyer les chiffres avant lundi.",
       "Si nous passions à l'étape suivante, le Service Juridique voudrait voir le contrat.",
       "Mon directeur a dit qu'il vous appellerait.",
       "D'accord, à bientôt.",
       "D'accord, je vois.", "Nous sommes une quarantaine de commerciaux.",
       "Aujourd'hui, on fait presque tout sur Excel.", "Notre exercice commence en janvier.",
       "Je dois en parler à ma responsable."});
  set(PhraseKind::customer_negative,
      {"Franchement, c'est trop cher pour nous.", "J'ai peur que la migration soit pénible.",
       "Nous avons eu une mauvaise expérience avec un outil similaire.",
       "Ça ne résout pas vraiment notre problème.", "Je ne suis pas convaincu que cela vaille l'effort."});
  set(PhraseKind::customer_keyword_question,
      {"Comment votre {kw} se compare-t-elle à la nôtre ?", "Pouvez-vous m'en dire plus sur la {kw} ?",
       "À quoi ressemble la {kw} pour une équipe comme la nôtre ?",
       "La {kw} est-elle incluse dans l'offre standard ?"});
  set(PhraseKind::customer_competitor,
      {"Nous discutons aussi avec {comp} en ce moment.", "{comp} nous a proposé un prix plus bas.",
       "Notre ancien fournisseur était {comp}.", "En quoi êtes-vous différents de {comp} ?"});
  set(PhraseKind::customer_brand,
      {"Nous travaillons actuellement avec {brand} sur ce sujet.", "Notre maison mère utilise {brand}.",
       "Nous venons de signer avec {brand} pour la facturation."});
  set(PhraseKind::customer_question,
      {"Combien de temps prend la mise en place ?", "Proposez-vous des formations ?",
       "Peut-on l'essayer avant d'acheter ?", "Qui serait notre interlocuteur ?"});
  set(PhraseKind::backchannel, {"Mm-hmm.", "Oui.", "D'accord.", "Tout à fait.", "Je vois."});
  set(PhraseKind::seller_closing, {"Merci beaucoup pour votre temps, {name}.",
                                   "Ravi d'avoir échangé, à bientôt.", "Merci, je reviens vers vous."});
  set(PhraseKind::customer_closing, {"Merci, au revoir.", "Merci, à bientôt.", "Très bien, bonne journée."});
  b.first_names = {"Camille", "Julien", "Chloé", "Nicolas", "Léa", "Antoine", "Manon", "Hugo"};
  b.last_names = {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau"};
  b.company_suffix = "SAS";
  return b;
}

PhraseBank spanish() {
  PhraseBank b;
  auto set = [&b](PhraseKind kind, std::vector<std::string_view> items) {
    b.phrases[static_cast<std::size_t>(kind)] = std::move(items);
  };
  set(PhraseKind::seller_greeting,
      {"Hola {name}, gracias por tu tiempo hoy.", "Buenos días {name}, soy {seller} de Brightwave.",
       "Hola {name}, qué bien que por fin podemos hablar.", "Hola {name}, ¿me oyes bien?"});
  set(PhraseKind::customer_greeting,
      {"Hola, sí, encantado de hablar contigo.", "Hola, gracias por llamar.",
       "¡Buenos días! Sí, te oigo bien.", "Hola {seller}, gracias por organizar la llamada."});
  set(PhraseKind::seller_question,
      {"¿Cuáles son los mayores retos de tu equipo ahora mismo?", "¿Cómo gestionáis este proceso hoy?",
       "¿Quién más participa en la decisión?", "¿Cómo sería el éxito para vosotros dentro de seis meses?",
       "¿Cuándo pensáis tomar una decisión?", "¿Cuántas personas usarían la plataforma?",
       "¿Por qué estáis buscando una nueva solución ahora?"});
  set(PhraseKind::seller_keyword,
      {"Muchos de nuestros clientes empiezan por la {kw}, y suele compensar rápido.",
       "Déjame enseñarte cómo funciona la {kw} en la práctica.",
       "Nuestro enfoque de la {kw} es lo que nos diferencia.",
       "Acompañamos a tu equipo en la {kw} paso a paso."});
  set(PhraseKind::seller_statement,
      {"Tiene mucho sentido.", "Lo vemos a menudo en empresas de vuestro tamaño.",
       "La plataforma reúne todas las conversaciones con clientes en un solo lugar.",
       "Tus responsables ven cada oportunidad del pipeline de un vistazo.",
       "La configuración suele llevar unas dos semanas.",
       "Entiendo, deja que te explique cómo lo resolvemos."});
  set(PhraseKind::seller_price, {"El plan estándar cuesta {price} al mes para tu equipo.",
                                 "Para cincuenta usuarios hablamos de unos {price} al año.",
                                 "Puedo ofrecerte {price} si firmáis este trimestre."});
  set(PhraseKind::seller_next_step,
      {"Te envío la propuesta antes del viernes.", "Programemos una demo con tu equipo la semana que viene.",
       "Te mando un resumen y el borrador del contrato.", "¿Nos vemos el martes para repasar los detalles?"});
  set(PhraseKind::customer_positive,
      {"Suena muy bien.", "Me encanta lo sencillo que parece.", "Es justo lo que necesitamos.",
       "Genial, eso nos ayudaría mucho.", "La verdad, es impresionante."});
  set(PhraseKind::customer_neutral,
      {
       // Hard cases: a participant's name, capitalised common words, negation, hypothetical,
       // reported speech, a closing: none is a brand or an action item.
       "Gracias {seller}, no podré enviarte las cifras antes del lunes.",
       "Si pasáramos al siguiente paso, el Departamento Legal querría ver el contrato.",
       "Mi jefe dijo que te llamaría.",
       "Vale, hasta luego.",
       "Vale, entiendo.", "Somos unas cuarenta personas en ventas.",
       "Ahora mismo usamos hojas de cálculo para casi todo.", "Nuestro año fiscal empieza en enero.",
       "Tengo que consultarlo con mi jefa."});
  set(PhraseKind::customer_negative,
      {"Sinceramente, es demasiado caro para nosotros.", "Me preocupa que la migración sea complicada.",
       "Tuvimos una mala experiencia con una herramienta parecida.",
       "Eso no resuelve realmente nuestro problema.", "No estoy convencido de que merezca la pena."});
  set(PhraseKind::customer_keyword_question,
      {"¿Cómo es vuestra {kw} comparada con la nuestra?", "¿Me puedes contar más sobre la {kw}?",
       "¿Cómo sería la {kw} para un equipo como el nuestro?", "¿La {kw} está incluida en el plan estándar?"});
  set(PhraseKind::customer_competitor,
      {"También estamos hablando con {comp}.", "{comp} nos ofreció un precio más bajo.",
       "Nuestro proveedor anterior era {comp}.", "¿En qué os diferenciáis de {comp}?"});
  set(PhraseKind::customer_brand,
      {"Ahora trabajamos con {brand} en esto.", "Nuestra empresa matriz usa {brand}.",
       "Acabamos de firmar con {brand} para la facturación."});
  set(PhraseKind::customer_question,
      {"¿Cuánto tarda la configuración?", "¿Ofrecéis formación?", "¿Podemos probarlo antes de comprar?",
       "¿Quién sería nuestra persona de contacto?"});
  set(PhraseKind::backchannel, {"Ajá.", "Sí.", "Claro.", "Vale.", "Ya."});
  set(PhraseKind::seller_closing, {"Muchas gracias por tu tiempo, {name}.",
                                   "Un placer hablar contigo, hasta pronto.", "Gracias, te escribo pronto."});
  set(PhraseKind::customer_closing, {"Gracias, adiós.", "Gracias, hablamos.", "Perfecto, hasta luego."});
  b.first_names = {"Lucía", "Javier", "Carmen", "Pablo", "Marta", "Diego", "Elena", "Sergio"};
  b.last_names = {"García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres"};
  b.company_suffix = "S.L.";
  return b;
}

}  // namespace

const PhraseBank& phrase_bank(SampleLanguage language) {
  static const std::array<PhraseBank, sample_language_count> banks = {english(), german(), danish(), french(),
                                                                      spanish()};
  return banks[static_cast<std::size_t>(language)];
}

const std::vector<SampleTermSpec>& sample_terms() {
  // Forms in order en, de, da, fr, es. French and Spanish templates put "la" before {kw}, so their
  // forms are feminine nouns.
  static const std::vector<SampleTermSpec> terms = {
      {"pricing",
       false,
       "",
       {"pricing", "Preisgestaltung", "prissætning", "tarification", "tarificación"},
       {}},
      {"integration",
       false,
       "",
       {"integration", "Integration", "integration", "intégration", "integración"},
       {}},
      {"security", false, "", {"security", "Sicherheit", "sikkerhed", "sécurité", "seguridad"}, {}},
      {"onboarding", false, "", {"onboarding", "Einarbeitung", "onboarding", "formation", "formación"}, {}},
      {"discount", false, "", {"discount", "Rabattierung", "rabat", "remise", "rebaja"}, {}},
      {"reporting",
       false,
       "",
       {"reporting", "Berichterstattung", "rapportering", "analyse", "analítica"},
       {}},
      {"ROI", false, "", {"ROI", "ROI", "ROI", "rentabilité", "rentabilidad"}, {"return on investment"}},
      {"implementation",
       false,
       "",
       {"implementation", "Implementierung", "implementering", "mise en œuvre", "implantación"},
       {}},
      {"automation",
       false,
       "",
       {"automation", "Automatisierung", "automatisering", "automatisation", "automatización"},
       {}},
      {"renewal", false, "", {"renewal", "Verlängerung", "fornyelse", "reconduction", "renovación"}, {}},
      {"GDPR", false, "north", {"GDPR", "DSGVO", "GDPR", "RGPD", "RGPD"}, {"data protection"}},
      {"compliance",
       false,
       "south",
       {"compliance", "Compliance", "compliance", "conformité", "normativa"},
       {}},
      {"Contoso 360",
       true,
       "",
       {"Contoso 360", "Contoso 360", "Contoso 360", "Contoso 360", "Contoso 360"},
       {"Contoso"}},
      {"Fabrikam CRM",
       true,
       "",
       {"Fabrikam", "Fabrikam", "Fabrikam", "Fabrikam", "Fabrikam"},
       {"Fabrikam CRM"}},
      {"Northwind Sales",
       true,
       "",
       {"Northwind", "Northwind", "Northwind", "Northwind", "Northwind"},
       {"Northwind Sales"}},
      {"Tailspin Cloud",
       true,
       "",
       {"Tailspin Cloud", "Tailspin Cloud", "Tailspin Cloud", "Tailspin Cloud", "Tailspin Cloud"},
       {"Tailspin"}},
  };
  return terms;
}

const std::vector<std::string_view>& sample_brands() {
  static const std::vector<std::string_view> brands = {"Litware",      "Adventure Works", "Woodgrove Bank",
                                                       "Proseware",    "Wingtip Toys",    "Alpine Ski House",
                                                       "Lamna Health", "Relecloud"};
  return brands;
}

const std::vector<std::string_view>& company_stems() {
  static const std::vector<std::string_view> stems = {
      "Nordlys",   "Bergmann",  "Solvang",    "Lumière",     "Alba",        "Granite Peak",
      "Riverbend", "Havblik",   "Sonnenfeld", "Costa Verde", "Blue Harbor", "Kestrel",
      "Aurora",    "Fjordline", "Marais",     "Sierra Alta", "Oakridge",    "Lindenhof",
      "Vesterhav", "Bellevue",  "Mirador",    "Cedar Point", "Holmgaard",   "Rheinblick"};
  return stems;
}

const std::vector<std::string_view>& coaching_notes() {
  static const std::vector<std::string_view> notes = {"Great discovery question here.",
                                                      "Let the customer finish before answering.",
                                                      "Good handling of the price objection.",
                                                      "Try to confirm the next step with a date.",
                                                      "Nice, you asked about their timeline.",
                                                      "This would be a good moment to ask who else decides.",
                                                      "Strong summary of the value for their team."};
  return notes;
}

}  // namespace parley::sample
