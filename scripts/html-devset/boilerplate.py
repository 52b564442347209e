"""Text around articles: navigation, banners, related links, comments, footers. All invented.

Pools by language; a page draws from its own language's pools (English where a pool is missing).
"""

NAV = {
    "en": ["News", "Local", "World", "Politics", "Business", "Science", "Climate", "Health", "Tech",
           "Sport", "Culture", "Opinion", "Food", "Travel", "Obituaries", "Weather", "Podcasts",
           "Newsletters", "Events", "Puzzles", "Video", "Photos", "Education", "Transport"],
    "de": ["Nachrichten", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Wissen", "Digital",
           "Meinung", "Reise", "Panorama", "Gesundheit", "Karriere", "Video", "Podcasts", "Wetter"],
    "fr": ["Actualités", "International", "Politique", "Économie", "Société", "Culture", "Sport",
           "Sciences", "Planète", "Idées", "Vidéos", "Podcasts", "Régions", "Éducation"],
    "es": ["Portada", "Internacional", "España", "Economía", "Sociedad", "Cultura", "Deportes",
           "Ciencia", "Tecnología", "Opinión", "Vídeos", "Clima", "Educación", "Salud"],
    "ar": ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "علوم", "تكنولوجيا", "رأي",
           "صحة", "منوعات", "فيديو"],
}

UTILITY = {
    "en": ["Subscribe", "Sign in", "Log in", "Register", "Search", "Menu", "Today's paper", "Account",
           "Give a gift", "Manage subscription", "E-edition", "Contact us", "Advertise", "Careers"],
    "de": ["Abo", "Anmelden", "Suche", "Menü", "E-Paper", "Mein Konto", "Kontakt", "Impressum"],
    "fr": ["S'abonner", "Se connecter", "Rechercher", "Menu", "Journal du jour", "Mon compte"],
    "es": ["Suscríbete", "Iniciar sesión", "Buscar", "Menú", "Hemeroteca", "Mi cuenta"],
    "ar": ["اشترك", "تسجيل الدخول", "بحث", "القائمة", "اتصل بنا"],
}

COOKIE = {
    "en": [
        ("We value your privacy", "We and our 214 partners store and access information on your device, such as cookies and unique identifiers, to personalise content and ads, measure audiences and improve our services. You can accept all, reject all, or choose your settings at any time from the Privacy link in the footer.", ["Accept all", "Reject all", "Manage preferences"]),
        ("Cookies on this site", "This website uses essential cookies to make it work and optional analytics cookies to understand how you use it. We will not set optional cookies unless you switch them on.", ["Accept analytics cookies", "Reject analytics cookies", "View cookie policy"]),
        ("Your choices about data", "By clicking Agree you consent to the storage of cookies on your device to enhance site navigation, analyse site usage and assist in our marketing efforts, as described in our Cookie Notice.", ["Agree", "Cookie settings"]),
    ],
    "de": [("Wir respektieren Ihre Privatsphäre", "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu personalisieren, Funktionen für soziale Medien anzubieten und die Zugriffe auf unsere Website zu analysieren. Ihre Einwilligung können Sie jederzeit über den Link Datenschutz-Einstellungen im Fußbereich widerrufen.", ["Alle akzeptieren", "Ablehnen", "Einstellungen"])],
    "fr": [("Votre vie privée nous importe", "Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site. Vous pouvez retirer votre consentement ou vous opposer aux traitements à tout moment.", ["Accepter et fermer", "Continuer sans accepter", "Paramétrer"])],
    "es": [("Tu privacidad es importante", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios, elaborar información estadística y mostrarte publicidad relacionada con tus preferencias. Puedes aceptar todas las cookies o configurar su uso.", ["Aceptar", "Rechazar", "Configurar"])],
    "ar": [("ملفات تعريف الارتباط", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا وتحليل حركة الزوار وتخصيص المحتوى. بمتابعة التصفح فإنك توافق على سياسة الخصوصية الخاصة بنا.", ["موافق", "الإعدادات"])],
}

SUBSCRIBE = {
    "en": ["Get unlimited access for $1 a week. Cancel anytime.",
           "You have 2 free articles left this month. Subscribe for full access to local journalism.",
           "Support independent reporting. Become a member today and read without limits.",
           "Already a subscriber? Log in to continue reading."],
    "de": ["Jetzt 4 Wochen gratis testen, danach 9,99 € im Monat. Jederzeit kündbar.",
           "Sie haben keinen Zugang? Jetzt Digital-Abo abschließen und weiterlesen."],
    "fr": ["Cet article est réservé aux abonnés. Abonnez-vous dès 1 € le premier mois.",
           "Déjà abonné ? Connectez-vous pour lire la suite."],
    "es": ["Suscríbete para seguir leyendo. Lee sin límites por 1 € el primer mes.",
           "¿Ya eres suscriptor? Inicia sesión para continuar."],
    "ar": ["اشترك الآن للحصول على وصول غير محدود إلى جميع المقالات."],
}

NEWSLETTER = {
    "en": [("The Morning Brief", "Start your day with the five stories you need, in your inbox by 7am."),
           ("Climate Weekly", "The week's most important environment stories, explained. Every Thursday."),
           ("Local Matters", "News from your neighbourhood, delivered every weekday afternoon."),
           ("Tech Digest", "Gadgets, apps and the business of technology, twice a week.")],
    "de": [("Der Morgen-Newsletter", "Die wichtigsten Nachrichten des Tages, jeden Morgen um 6 Uhr in Ihrem Postfach.")],
    "fr": [("La lettre du matin", "Recevez chaque matin l'essentiel de l'actualité, sélectionné par la rédaction.")],
    "es": [("Boletín de la mañana", "Las noticias más importantes del día, cada mañana en tu correo.")],
    "ar": [("النشرة اليومية", "أهم الأخبار تصلك إلى بريدك الإلكتروني كل صباح.")],
}

RELATED = {
    "en": [
        "Ferry operator warns of winter timetable cuts", "Why the city's bike lanes keep disappearing",
        "Five things to know before the budget vote", "Allotment waiting lists hit a ten-year high",
        "Hospital car park charges to rise in April", "The quiet comeback of the village post office",
        "What the new bin collection schedule means for you", "Students protest over library closures",
        "Drought plan: hosepipe ban could last until autumn", "Inside the race to rebuild the old pier",
        "Council tax: how much more will you pay?", "A guide to the best free museums this summer",
        "Storm damage repairs to take 'at least a year'", "Night bus routes scrapped after review",
        "Meet the volunteers running the last cinema in town", "How to read your energy bill",
        "Rents rise faster than wages for third year", "Police appeal after lorry overturns on bypass",
        "School meals: the kitchens cooking for 4,000", "Opinion: our high streets need more than parking",
        "Recipe: a one-pan supper for busy weeknights", "The best walking trails within an hour of the city",
        "Flood defences approved after decade of delay", "Airport expansion decision delayed again",
        "New satellite data shows glaciers thinning faster", "Startup raises funds for battery recycling plant",
        "Review: the folding phone that finally folds flat", "How a tiny lab is changing soil science",
        "Obituary: the bookbinder who taught a generation", "Quiz: how well do you know your local history?",
        "Photos: lantern parade lights up the old town", "Live: results as counting continues",
        "Heat pump grants: who qualifies and how to apply", "The river that vanished every August",
    ],
    "de": ["Stadtrat streitet über neue Parkgebühren", "Warum die Buslinie 7 ständig ausfällt",
           "So wird das Wetter am Wochenende", "Neues Hallenbad öffnet im Herbst",
           "Mieten steigen stärker als erwartet", "Kommentar: Die Innenstadt braucht mehr Grün",
           "Polizei sucht Zeugen nach Unfall auf der B 68", "Weihnachtsmarkt: Das ist neu in diesem Jahr"],
    "fr": ["La réforme des retraites examinée au Sénat", "Canicule : les conseils pour bien dormir",
           "Le prix du pain continue d'augmenter", "Tribune : sauver les librairies de quartier",
           "Les trains régionaux supprimés cet été", "Cinq randonnées pour découvrir le littoral"],
    "es": ["El Gobierno aprueba el plan de vivienda", "Ola de calor: qué hacer para protegerse",
           "La liga arranca con cambios en el calendario", "Opinión: el agua es un bien común",
           "Suben los precios del aceite de oliva", "Cinco pueblos para una escapada de otoño"],
    "ar": ["ارتفاع أسعار المواد الغذائية في الأسواق", "افتتاح مكتبة عامة جديدة في وسط المدينة",
           "خطة لتوسيع شبكة النقل العام", "منتخب الشباب يتأهل إلى النهائي"],
}

TEASER = {
    "en": ["The decision follows months of consultation and a petition signed by thousands.",
           "Residents say they were not told about the changes until the signs went up.",
           "Experts warn the figures may underestimate the true scale of the problem.",
           "A new report suggests the scheme has cost twice as much as planned.",
           "Here is everything you need to know, from dates to costs.",
           "The project's backers insist it will pay for itself within a decade.",
           "Shop owners say footfall has not recovered since the roadworks began.",
           "The figures, released on Friday, show the gap widening for a fourth year.",
           "Volunteers have spent three summers clearing the site by hand.",
           "A former inspector says the warning signs were there in 2019.",
           "Parents have until the end of the month to respond to the consultation.",
           "The company says prices will fall once the new plant is running.",
           "Critics call the plan rushed; supporters say it is overdue.",
           "It is the third closure on the same stretch of road this year."],
}

COMMENT_AUTHORS = ["harbourwatcher", "J. Pelling", "Mags_71", "northside_dad", "Ruth K", "oldcodger",
                   "Priya S.", "TideTables", "Ben from Ashby", "quietreader", "M. Okafor", "Lou"]
COMMENTS = {
    "en": [
        "I have lived here for thirty years and I have never seen the council move this fast on anything. Makes you wonder who is really behind it.",
        "Good article, but it leaves out the fact that the same plan was rejected in 2019 for exactly the same reasons.",
        "Can someone explain why nobody asked the people who actually use the service every day?",
        "This is the first sensible thing I have read on the subject in months. Thank you for the clear reporting.",
        "The numbers in the fourth paragraph do not add up. If costs rose by a third, how is the budget the same?",
        "My mother relies on this. If it goes, she will be stuck at home. Nobody seems to care about older residents.",
        "Typical. Spend millions on consultants and then do what they were always going to do.",
        "Interesting piece. I would like to see a follow-up in a year to check whether any of the promises were kept.",
        "Reply: the figures come from the annual report, page 12. They are correct, just badly explained.",
        "Comment removed by a moderator.",
        "Has anyone actually tried the new route? It took me forty minutes longer on Tuesday.",
        "Well written, but the headline is misleading. The vote was about a review, not a closure.",
    ],
    "de": ["Endlich tut sich etwas! Das hätte man schon vor zehn Jahren machen sollen.",
           "Wer soll das bezahlen? Am Ende zahlen wieder die Anwohner.",
           "Guter Artikel, aber die Zahlen im dritten Absatz stimmen so nicht.",
           "Ich fahre die Strecke jeden Tag und habe von den Plänen nichts gewusst."],
    "fr": ["Enfin une bonne nouvelle pour le quartier, il était temps.",
           "Article intéressant, mais qui oublie de parler du coût réel du projet.",
           "Qui va payer au final ? Toujours les mêmes."],
    "es": ["Muy buen artículo, aunque echo en falta la opinión de los vecinos.",
           "Esto lleva años anunciándose y nunca llega. Ya veremos.",
           "¿Alguien sabe cuándo empiezan las obras?"],
    "ar": ["مقال رائع ومفيد، شكرا للكاتب.", "نتمنى أن تنفذ هذه الخطة في أقرب وقت."],
}

FOOTER = {
    "en": ["About us", "Contact", "Advertise with us", "Privacy policy", "Cookie settings", "Terms of use",
           "Accessibility", "Corrections", "Editorial standards", "Careers", "Help", "Sitemap", "RSS feeds"],
    "de": ["Impressum", "Datenschutz", "Cookie-Einstellungen", "AGB", "Kontakt", "Mediadaten", "Barrierefreiheit"],
    "fr": ["Mentions légales", "Politique de confidentialité", "Gestion des cookies", "Contact", "Publicité", "CGU"],
    "es": ["Aviso legal", "Política de privacidad", "Configuración de cookies", "Contacto", "Publicidad"],
    "ar": ["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا"],
}

COPYRIGHT = {
    "en": "© {year} {site}. All rights reserved. Registered in England No. 0123456.",
    "de": "© {year} {site}. Alle Rechte vorbehalten.",
    "fr": "© {year} {site}. Tous droits réservés.",
    "es": "© {year} {site}. Todos los derechos reservados.",
    "ar": "© {year} {site}. جميع الحقوق محفوظة.",
}

LABELS = {
    "en": {"ad": "Advertisement", "share": ["Share on Facebook", "Share on X", "Share on LinkedIn", "Email", "Copy link"],
           "related": "Related stories", "most_read": "Most read", "comments": "Comments", "readmore": "Read more:",
           "by": "By", "tags": "Topics", "newsletter_button": "Sign up", "continue": "Story continues below advertisement",
           "next": "Next page", "page": "Page 1 of 3", "more_from": "More from", "updated": "Updated",
           "join": "Join the conversation", "bio": "is a reporter covering local government and transport.",
           "skip": "Skip to main content", "trending": "Trending now", "recommended": "Recommended for you",
           "sponsored": "Sponsored content", "listen": "Listen to this article", "minutes": "min read"},
    "de": {"ad": "Anzeige", "share": ["Auf Facebook teilen", "Auf X teilen", "Per E-Mail teilen", "Link kopieren"],
           "related": "Mehr zum Thema", "most_read": "Meistgelesen", "comments": "Kommentare", "readmore": "Lesen Sie auch:",
           "by": "Von", "tags": "Themen", "newsletter_button": "Anmelden", "continue": "Weiter nach der Anzeige",
           "next": "Nächste Seite", "page": "Seite 1 von 3", "more_from": "Mehr aus", "updated": "Aktualisiert",
           "join": "Diskutieren Sie mit", "bio": "ist Redakteurin im Ressort Lokales.", "skip": "Zum Inhalt springen",
           "trending": "Aktuell beliebt", "recommended": "Empfohlen", "sponsored": "Sponsored", "listen": "Artikel anhören",
           "minutes": "Min. Lesezeit"},
    "fr": {"ad": "Publicité", "share": ["Partager sur Facebook", "Partager sur X", "Envoyer par e-mail", "Copier le lien"],
           "related": "Sur le même sujet", "most_read": "Les plus lus", "comments": "Commentaires", "readmore": "Lire aussi :",
           "by": "Par", "tags": "Thèmes", "newsletter_button": "S'inscrire", "continue": "L'article continue après la publicité",
           "next": "Page suivante", "page": "Page 1 sur 3", "more_from": "Plus de", "updated": "Mis à jour",
           "join": "Réagir", "bio": "est journaliste au service Société.", "skip": "Aller au contenu",
           "trending": "Tendances", "recommended": "Recommandé pour vous", "sponsored": "Contenu sponsorisé",
           "listen": "Écouter cet article", "minutes": "min de lecture"},
    "es": {"ad": "Publicidad", "share": ["Compartir en Facebook", "Compartir en X", "Enviar por correo", "Copiar enlace"],
           "related": "Más información", "most_read": "Lo más visto", "comments": "Comentarios", "readmore": "Lee también:",
           "by": "Por", "tags": "Temas", "newsletter_button": "Suscribirme", "continue": "Sigue leyendo tras la publicidad",
           "next": "Página siguiente", "page": "Página 1 de 3", "more_from": "Más de", "updated": "Actualizado",
           "join": "Participa", "bio": "es periodista de la sección de Sociedad.", "skip": "Ir al contenido",
           "trending": "Tendencias", "recommended": "Recomendado", "sponsored": "Contenido patrocinado",
           "listen": "Escuchar artículo", "minutes": "min de lectura"},
    "ar": {"ad": "إعلان", "share": ["شارك على فيسبوك", "شارك على إكس", "أرسل بالبريد"],
           "related": "مواضيع ذات صلة", "most_read": "الأكثر قراءة", "comments": "التعليقات", "readmore": "اقرأ أيضا:",
           "by": "بقلم", "tags": "الوسوم", "newsletter_button": "اشترك", "continue": "تابع القراءة بعد الإعلان",
           "next": "الصفحة التالية", "page": "الصفحة 1 من 3", "more_from": "المزيد من", "updated": "آخر تحديث",
           "join": "شارك برأيك", "bio": "صحفية تغطي الشؤون المحلية.", "skip": "انتقل إلى المحتوى",
           "trending": "الأكثر تداولا", "recommended": "مقترح لك", "sponsored": "محتوى برعاية",
           "listen": "استمع إلى المقال", "minutes": "دقائق للقراءة"},
}


def pool(table, lang):
    """The pool for a page's language (its primary subtag), else English."""
    return table.get(lang.split("-")[0].lower(), table["en"])
