# Les mots d'avance en français. Mêmes identifiants que i18n/en.ftl (un
# test le vérifie) ; un message absent d'ici s'affiche en anglais.

## Le REPL : accueil, au revoir, déplacements.
welcome = Bienvenue dans avance : les idiomes de Python, en Rust.
welcome-back = Bon retour : vous vous étiez arrêté ici.
welcome-keys = Entrée : diapositive suivante · :run exécute le Rust · tapez du Rust pour l'exécuter en direct · :help pour le reste
goodbye-saved = Progression enregistrée. À bientôt.
goodbye-not-saved = Progression NON enregistrée (voir pourquoi ci-dessus). À bientôt.
goodbye-no-home = Progression non conservée : aucun dossier personnel où la garder. À bientôt.
end-of-course = C'est la fin du cours. Bravo !
start-of-course = C'est la première diapositive du cours.
now-in-lesson = Leçon suivante : { $title }
help-title = Commandes (Entrée sur une ligne vide : diapositive suivante ; Tab complète) :
lang-current = Le cours est en { $code } ; les langues : { $all }. `:lang en` change de langue.
lang-unavailable = cette session ne peut pas changer de langue

## Les diapositives, où qu'elles s'affichent.
lesson-title = Leçon { $number } · { $title }
notes-label = Notes :
label-prints = Affiche
label-refused = rustc le refuse avec
label-solution = Rust · une solution
label-python = Python
label-code = code
label-rust = Rust
label-rust-no-run = Rust · compilé, non exécuté
label-rust-ignore = Rust · non compilé
label-rust-should-panic = Rust · panique volontairement
label-rust-compile-fail = Rust · ne compile pas, volontairement
label-exercise = Exercice · votre code commence ici
graded-by = { $count ->
    [one] Vérifié par un test caché qui appelle votre code.
   *[other] Vérifié par { $count } tests cachés qui appellent votre code.
}
label-python-output = Sortie Python
label-hint = Indice
label-solution-short = Solution
html-keys = ← → changer de diapositive · n notes · p Python
output-of = Sortie de { $id }
output-of-slide = Sortie de la diapositive { $number }
list-status = { $seen }/{ $slides } diapositives vues, { $run }/{ $runnable } extraits exécutés
list-solved = , { $solved }/{ $exercises } exercices résolus

## Le mode présentation et la vue de l'orateur.
keys-title = Touches
keys-close = Une touche quelconque ferme cette liste.
notes-head = Notes de l'orateur · { $number } { $title }
notes-now = Ici
notes-next = Puis
notes-last-slide = (c'est la dernière diapositive)
notes-following = suit la présentation
notes-elsewhere = la présentation montre { $other }, pas { $lesson }
notes-waiting = en attente de `avance present { $slug }` dans un autre terminal
notes-none = (pas de notes sur cette diapositive)
notes-more = … (les notes continuent : un terminal plus haut les montre toutes)
notes-quit = q pour quitter

## Les touches du mode présentation, telles que ? les liste.
key-next = diapositive suivante
key-previous = diapositive précédente
key-goto = aller à la diapositive 3
key-first-last = première, dernière diapositive
key-scroll = faire défiler une longue diapositive
key-run = exécuter le Rust de la diapositive ; sa sortie s'affiche sous le code
key-python = montrer ou cacher le Python
key-notes = montrer ou cacher les notes de l'orateur
key-solution = montrer ou cacher la solution d'un exercice
key-black = écran noir jusqu'à la prochaine touche
key-timer = lancer le chronomètre du pied de page, ou le remettre à 0:00
key-help = montrer ou cacher cette liste
key-quit = quitter

## Les commandes du REPL, telles que :help les liste (command-NOM).
command-next = diapositive suivante (ou appuyez simplement sur Entrée)
command-prev = diapositive précédente
command-goto = diapositive N de cette leçon
command-lesson = ouvrir une leçon : numéro, nom ou début du nom, et /DIAPOSITIVE
command-lessons = lister les leçons et votre progression
command-run = exécuter le Rust de cette diapositive
command-timeit = chronométrer le Rust de cette diapositive, ou du Rust en direct, comme le %timeit d'IPython
command-edit = mettre le Rust de cette diapositive (ou son Nᵉ extrait, ou votre réponse à son exercice) dans la ligne de saisie
command-vars = lister les variables en direct et leurs types
command-dep = ajouter une crate au Rust en direct : :dep regex = "1", :dep ./ma-crate
command-reset = redémarrer le Rust en direct et le shell Python : oublier toutes les variables et tous les items
command-check = noter votre réponse à l'exercice de cette diapositive avec ses tests cachés
command-exercise = ouvrir votre réponse à l'exercice de cette diapositive dans $EDITOR, puis la noter
command-hint = l'indice suivant de l'exercice
command-solution = montrer la réponse de référence de l'exercice
command-show = réafficher cette diapositive
command-more = afficher cette diapositive avec son long code en entier (replié d'abord)
command-python = exécuter le Python de cette diapositive dans le shell IPython de la leçon, puis son Rust
command-originals = montrer ou cacher les originaux en Python
command-notes = montrer ou cacher les notes de l'orateur
command-help = cette liste
command-quit = enregistrer et quitter (Ctrl-D aussi)
command-lang = la langue du cours, ou en changer : :lang fr, :lang en

## Les lignes propres aux notebooks.
notebook-hint = Indice { $number }
notebook-solution = Solution
notebook-excerpt-here = Un extrait d'une cellule de cette diapositive, montré mais pas exécuté :
notebook-excerpt-of = Un extrait de la cellule de la diapositive { $number } (« { $title } »), montré mais pas exécuté :
notebook-excerpt = Un extrait d'une cellule du cours, montré mais pas exécuté :
notebook-console = Une session de l'interpréteur, une cellule par instruction :
notebook-raises = Cette cellule lève une exception, exprès.
notebook-wrapped-thread = Cet extrait affiche le nom de son thread, `main` dans un programme ; evcxr exécute les cellules sur un autre thread.
notebook-wrapped-macro = Dans une fonction : evcxr range les éléments d'une cellule par nom, et une macro doit précéder son usage.
notebook-wrapped-drop = Dans une fonction : ses valeurs s'affichent à leur destruction, à la fin de la fonction ; evcxr les garderait.
notebook-wrapped-borrow = Dans une fonction : evcxr ne peut garder ni une fermeture ni un emprunt pour la cellule suivante.
notebook-wrapped-generic = Dans une fonction : evcxr doit écrire le type d'une variable qu'il garde, et ne sait pas toujours écrire un type générique.

## La ligne d'état et le pied de page du mode présentation.
status-goto = aller à la diapositive { $typed }⏎
status-above = ↑ { $count } de plus
status-below = ↓ { $count } de plus
status-scroll = { $parts } lignes · ↑ ↓ pour défiler
footer-keys = ? touches
present-no-rust = pas de Rust à exécuter sur cette diapositive
present-running = exécution du Rust de la diapositive { $number }… (q l'arrête)
present-stopped = arrêté : l'exécution a été interrompue
present-compiled-only = compilé, pas exécuté
present-shown-only = montré, pas exécuté
present-no-slide = pas de diapositive { $typed } : cette leçon a les diapositives 1 à { $count }

## Erreurs et avertissements, où qu'ils s'affichent.
error-prefix = erreur :
warning-prefix = attention :
interrupted-prefix = interrompu :
stopped-prefix = arrêté :
panic-prefix = panique :
unknown-language = langue inconnue `{ $code }` { $origin } ; avance parle en (English) et fr (français)
lookup-unknown-lesson = aucune leçon `{ $query }` ; les leçons sont : { $known }
lookup-ambiguous = `{ $query }` désigne plusieurs leçons : { $matches } ; tapez davantage du nom
lookup-slide-out-of-range = la leçon { $lesson } a les diapositives 1 à { $count } ; il n'y a pas de diapositive { $slide }
progress-corrupt = le fichier de progression { $path } est illisible ({ $reason }) ; il a été mis de côté sous { $kept } et vous repartez de zéro
progress-unreadable = impossible de lire le fichier de progression { $path } ({ $reason }) ; vous repartez de zéro et il reste tel quel
progress-corrupt-not-kept = le fichier de progression { $path } est illisible ({ $reason }) et n'a pas pu être mis de côté ; vous repartez de zéro
progress-unwritable = impossible d'enregistrer la progression dans { $path } ({ $reason }) ; on continue sans enregistrer
cannot-create = impossible de créer { $path } : { $reason }
cannot-write = impossible d'écrire { $path }
cannot-read = impossible de lire { $path }
cannot-create-path = impossible de créer { $path }
cannot-take-ctrl-c = impossible de prendre la main sur Ctrl-C
already-exists = { $paths } existe déjà ; passez --force pour l'écraser
present-needs-terminal = `avance present` occupe tout le terminal : lancez-le depuis un terminal (`avance show { $lesson }` affiche les diapositives)
notes-needs-terminal = `avance notes` dessine une vue plein écran : lancez-le depuis un terminal

## La ligne de saisie du REPL et ses commandes.
command-unknown-suggest = commande inconnue `:{ $name }` ; vouliez-vous dire `:{ $suggestion }` ? (:help liste les commandes)
command-unknown = commande inconnue `:{ $name }` (:help liste les commandes)
command-missing-argument = `:{ $name }` attend { $argument } : `:{ $name } { $argument }`
command-unexpected-argument = `:{ $name }` ne prend pas d'argument, or il a reçu `{ $argument }`
line-ignored = { $why } ; ligne ignorée
line-not-utf8 = la ligne n'est pas de l'UTF-8 valide
history-left-alone = le fichier d'historique { $path } est laissé tel quel ({ $reason }) ; cette session ne garde pas d'historique
history-unsaved = impossible d'enregistrer l'historique dans { $path } : { $reason }
pager-failed = { $why } ; désormais les longues diapositives s'affichent en entier (donnez à PAGER un pager qui fonctionne)
pager-ended = le pager { $pager } s'est terminé avec { $status }

## :edit
edit-note = Modifiez le Rust de la diapositive, puis Entrée l'exécute en direct :
edit-slide-not-editable = le Rust de cette diapositive { $why } ; tapez le vôtre
edit-no-rust = cette diapositive n'a pas de Rust à modifier ; tapez le vôtre
edit-snippet-not-editable = l'extrait { $number } de cette diapositive { $why }
edit-take-another = { $why } ; :edit { $number } en prend un qui s'exécute
edit-no-such-snippet = pas d'extrait `{ $typed }` sur cette diapositive : { $has }
edit-has-only-exercise = elle n'a pas d'extrait Rust, seulement un exercice : :edit met votre réponse dans la ligne
edit-has-none = elle n'a pas d'extrait Rust ; tapez le vôtre
edit-has-one = elle a 1 extrait Rust : :edit ou :edit 1
edit-has-two = elle a 2 extraits Rust : :edit 1 ou :edit 2
edit-has-many = elle a { $count } extraits Rust : de :edit 1 à :edit { $count }
edit-compile-fail = ne compile pas, exprès : :run montre le refus du compilateur
edit-excerpt = est montré, pas exécuté : c'est un extrait de { $file }
edit-fragment = est montré, pas exécuté : il ne compile pas seul

## Le Rust en direct.
live-starting = le Rust en direct démarre (evcxr compile un premier programme)
live-no-vars = pas encore de variable en direct
live-restarted = Rust en direct redémarré : toutes les variables et tous les items sont oubliés
panic-nothing-lost = aucune variable n'a été perdue
panic-lost = perdues avec lui : { $names } (déplacées dans le code qui a paniqué)
panic-goes-on = le code a paniqué ; la session continue, { $lost }
live-interrupted = le code en direct a été arrêté (Ctrl-C) ; un nouveau processus a pris sa place et toutes les variables sont perdues{ $lost }
live-died = le processus qui exécute le code en direct est mort ({ $why }) ; un nouveau a pris sa place et toutes les variables sont perdues{ $lost }
live-timed-out = le code en direct a dépassé sa limite de { $seconds } s de temps processeur (l'entrée n'est pas un terminal, Ctrl-C ne peut donc pas l'arrêter ; { $variable }=SECONDES change la limite) ; un nouveau processus a pris sa place et toutes les variables sont perdues{ $lost }
variables-lost = variables perdues : { $names }
thread-panicked = le thread « { $name } » a paniqué :
spawned-thread-panicked = un thread lancé par le code a paniqué :

## :run, :python, :timeit
run-exercise-slide = cette diapositive est un exercice : :edit met votre réponse dans la ligne (:exercise l'ouvre dans $EDITOR), :check la corrige, :solution en montre une
run-no-rust = cette diapositive n'a pas de Rust à exécuter ; Entrée passe à la suite
run-no-python = cette diapositive n'a pas de Python à exécuter ; Entrée passe à la suite
timeit-no-rust = cette diapositive n'a pas de Rust à chronométrer ; Entrée passe à la suite
python-shell-interrupted = interrompu : la cellule ne s'arrêtait pas, son shell Python a donc été arrêté (Ctrl-C)
python-cell-interrupted = interrompu : la cellule a été arrêtée (Ctrl-C) ; le shell garde ce qui a tourné avant elle
python-shell-lost = { $error } ; le prochain :python en démarre un nouveau
python-defined-elsewhere = { $name } est défini par la cellule de { $place } : exécutez d'abord le Python de cette diapositive
ipython-missing = IPython introuvable : les cellules tournent dans python3 seul, sans magics (pour l'installer : { $install })
python-shell-stopped = le shell Python est arrêté : le prochain :python en démarre un nouveau
python-runs-first = exécute d'abord la cellule de { $place }, qui définit { $name }
python-output = Sortie Python de { $place } ({ $shell })
python-excerpt-of-slide = ce Python est un extrait, montré et non exécuté : la cellule entière est sur la diapositive { $number } (:goto { $number }, puis :python)
python-excerpt-of-lesson = ce Python est un extrait, montré et non exécuté : la cellule entière est sur la diapositive { $place } (:lesson { $place }, puis :python)
python-excerpt = ce Python est un extrait d'une cellule du cours, montré et non exécuté

## Le verdict sur un extrait : :run, avance run, :timeit et les raisons de check.
verdict-panicked-as-intended = a paniqué, comme le veut cette diapositive :
verdict-refused-as-intended = rustc le refuse, comme le veut cette diapositive :
verdict-no-rustc = Ce Rust ne doit pas compiler ; rustc n'est pas installé ici pour montrer pourquoi.
verdict-rustc-unrunnable = impossible d'exécuter rustc : { $why }
verdict-meant-to-panic = l'extrait devait paniquer, mais il s'est terminé
verdict-panicked = l'extrait a paniqué :
verdict-returned-error = l'extrait a renvoyé une erreur :
verdict-output-differs = la sortie de l'extrait n'est pas ce que dit son bloc de sortie (ligne { $line }) :
verdict-process-ended = le processus de l'extrait s'est terminé avec { $status }
verdict-panicked-while-timed = l'extrait a paniqué pendant le chronométrage
run-interrupted = interrompu : { $id } a été arrêté (Ctrl-C)
timeit-panics-on-purpose = { $id } panique exprès ; il n'y a rien à chronométrer
timeit-interrupted = interrompu : le chronométrage de { $id } a été arrêté (Ctrl-C)
wrong-should-panic = il s'est terminé, or il est marqué should_panic
wrong-panicked = il a paniqué :
wrong-returned-error = il a renvoyé une erreur :
wrong-exit-status = il a échoué avec le code de sortie { $code } :
wrong-signal = il a été tué par un signal :
wrong-timed-out = tué au bout de { $seconds } s sans avoir fini
wrong-output-differs = sa sortie standard diffère du bloc de sortie de la ligne { $line } :
wrong-compiled = il a compilé, or il est marqué compile_fail
wrong-refused-without = rustc l'a refusé, mais sans { $missing } :
wrong-needs-the-crate = les extraits compile_fail sont compilés seuls, avec std uniquement ; celui-ci a besoin de la crate avance :
check-cannot-start = impossible de lancer { $exe } : { $why }
check-hint-gives-away = l'indice { $hint } dévoile la ligne `{ $line }` de la solution ; un indice met sur la voie, il ne donne pas la réponse
check-skipped-exercises = IGNORÉ : rustc introuvable ; les exercices en ont besoin
check-skipped-compile-fail = IGNORÉ : rustc introuvable ; les extraits compile_fail en ont besoin
check-skipped-because = IGNORÉ : { $why }
check-starter-name = le point de départ
check-starter-passes = le point de départ passe déjà tous les tests cachés : l'exercice ne demande rien
check-python-failed = le Python a échoué :
check-python-differs = la sortie standard du Python diffère du bloc python-output de la ligne { $line } :
check-python-stopped = le Python s'est arrêté avant ce bloc :

## Pourquoi le Rust en direct, le Python, la correction ou un extrait ne peut continuer.
word-and = et
live-not-started = le Rust en direct n'a pas démarré
live-off = le Rust en direct est désactivé ({ $var }={ $value }) ; les commandes fonctionnent toujours
live-no-toolchain = le Rust en direct a besoin d'une chaîne de compilation Rust ({ $missing } introuvable dans le PATH ; https://rustup.rs) ; les extraits compilés des diapositives s'exécutent toujours avec :run
live-build-folder = le Rust en direct ne peut pas utiliser son dossier de compilation { $path } : { $reason }
live-thread = impossible de lancer le thread du Rust en direct : { $why }
live-program-path = impossible de trouver le chemin de ce programme : { $why }
live-crates = impossible de charger les crates des leçons : { $why }
live-could-not-start = le Rust en direct n'a pas pu démarrer ({ $why })
live-stopped = le Rust en direct s'est arrêté de façon inattendue
python-not-found = { $program } introuvable : exécuter le Python du cours demande python3 (ou définissez AVANCE_PYTHON)
python-unstartable = { $program } n'a pas pu être lancé : { $message }
python-none = la diapositive n'a pas de Python
python-timed-out = une cellule a dépassé { $seconds } s : son shell Python a été arrêté
python-killed = la cellule ne s'est pas arrêtée sur Ctrl-C : son shell Python a été arrêté
python-needs-ipython = ce Python utilise les magics d'IPython, et IPython n'est pas installé ({ $install })
python-needs-cuda = ce Python a besoin de pycuda et d'un GPU NVIDIA, qui ne sont pas tous deux présents ici (python3 -m pip install pycuda, là où il y a un GPU)
python-needs-module = ce Python importe `{ $module }`, que ce python3 ne trouve pas : il n'est pas installé ici, ou une cellule précédente du cours le construit
python-needs-failed-cell = cette diapositive a besoin de `{ $name }`, que définit la cellule du cours de { $place }, mais cette cellule échoue ici ({ $why })
grade-no-rustc = rustc n'est pas installé ici, et les exercices sont corrigés en les compilant : installez Rust depuis rustup.rs
grade-io = impossible de compiler ou d'exécuter la réponse : { $why }
not-runnable-not-compiled = l'extrait { $id } n'est pas compilé dans ce programme (marqué ignore ou compile_fail)
not-runnable-no-run = l'extrait { $id } est compilé mais pas exécuté (marqué no_run)
not-runnable-stale = l'extrait { $id } a été modifié depuis la compilation de ce programme ; recompilez-le (cargo build) pour exécuter le nouveau code
not-runnable-not-built-in = l'extrait { $id } est nouveau : ce programme a été compilé sans lui ; mettez sa leçon dans lessons/ et recompilez (cargo build) pour l'exécuter

## Les exercices : répondre, indices, correction.
answer-note = Votre réponse : Entrée la garde et la corrige avec les tests cachés.
answer-none = écrivez d'abord votre réponse : :edit met le point de départ dans la ligne, :exercise l'ouvre dans $EDITOR
answer-name = votre réponse
answer-not-kept = votre réponse n'a pas pu être gardée : { $why }
answer-no-folder = aucun dossier d'état où garder le fichier de la réponse ; utilisez :edit pour répondre dans la ligne
answer-file-unwritable = impossible d'écrire le fichier de la réponse : { $why }
exercise-none = cette diapositive n'a pas d'exercice
exercise-none-to-check = cette diapositive n'a pas d'exercice à corriger
editor-none = aucun éditeur défini : mettez le vôtre dans $EDITOR (ou $VISUAL), ou utilisez :edit pour répondre dans la ligne
editor-opening = Ouverture de { $path } dans { $editor }...
editor-failed = { $editor } s'est terminé avec { $status } ; réponse non corrigée
editor-unstartable = impossible de lancer l'éditeur `{ $editor }` : { $why }
solved-go-on = Entrée passe à la diapositive suivante
not-yet-with-hint = :edit modifie votre réponse, :hint donne un indice, :solution en montre une
not-yet = :edit modifie votre réponse, :solution en montre une
hint-count = Indice { $shown }/{ $count } :
hint-none = cet exercice n'a pas d'indice ; :solution montre une réponse
hint-no-more = plus d'indice ; :solution montre une réponse
solution-note = (:edit, puis tapez-la ou votre propre version)
grade-solved = Résolu :
grade-one-case = l'unique cas passe
grade-every-case = les { $count } cas passent
grade-pass = { $which }. Bravo !
grade-refused = Pas encore : rustc refuse votre réponse.
grade-not-yet = Pas encore :
grade-cases-pass = { $passed } cas sur { $total } { $passed ->
        [one] passe
       *[other] passent
    }.
grade-printed = Il a affiché :
grade-more-lines = { $count ->
        [one] … et 1 ligne de plus
       *[other] … et { $count } lignes de plus
    }
failure-what = { $what } devrait valoir { $expected }, et vaut { $got }
failure-expected = attendu { $expected }, obtenu { $got }
failure-todo = votre code a atteint un `todo!()` ; écrivez cette partie
failure-panicked = il a paniqué : { $message }
failure-never-finished = il ne s'est pas terminé ; il a été arrêté (une boucle sans fin tourne jusqu'à Ctrl-C ou la limite de { $seconds } s)
failure-crashed = le programme est mort pendant ce cas (un débordement de pile dû à une récursion sans fin ?)

## Ce qu'affichent les commandes.
config-broken-theme = { $error } ; le thème est choisi comme s'il était absent
check-checking = vérification de
check-skipped = ignoré
check-failed = ÉCHEC
check-tally = check : { $passed } réussi(s), { $failed } en échec, { $skipped } ignoré(s)
check-some-failed = { $failed } extrait(s) ne font pas ce que dit leur leçon
check-no-ipython = IPython introuvable avec { $python } : le Python du cours tourne dans python3 seul, ses cellules à magics sont ignorées (pour l'installer : { $install })
exercise-lesson-has-none = la leçon { $lesson } n'a pas d'exercice
exercise-no-such = pas d'exercice `{ $number }` dans la leçon { $lesson } : elle en a { $count }, numérotés à partir de 1 (par exemple { $typed }/1)
exercise-file-unwritable = impossible d'écrire le fichier de la réponse
exercise-no-state-folder = aucun dossier d'état où écrire le fichier de la réponse (définissez AVANCE_HOME)
exercise-your-answer = Votre réponse :
exercise-watch-keys = Modifiez-la dans votre éditeur ; chaque enregistrement est corrigé. Ctrl-C arrête.
exercise-next = Au tour de l'exercice suivant.
exercise-stopped = Surveillance arrêtée ; votre réponse est gardée.
exercise-last = C'était le dernier exercice du cours. Bravo !
wrote = écrit
export-snippets-run = ({ $count } extraits exécutés)
export-snippet-differs = { $id } n'a pas fait ce que dit sa diapositive ; la page montre ce qu'il a fait
export-running = exécution de { $lesson }
bench-interrupted = interrompu : le bench s'est arrêté (Ctrl-C) ; la mesure en cours est abandonnée

## Les tableaux d'avance bench (les unités, GMAC/s et GB/s, ne se traduisent pas).
bench-engine = moteur
bench-median = médiane
bench-spread = écart (meilleur – pire)
bench-vs-naive = vs naïf
bench-equal = égal au naïf
bench-machine-limits = limites de la machine,
bench-limit = limite
bench-rate = débit
bench-gpu = GPU :
bench-floor = plancher,
bench-kernel = noyau
bench-kernel-only = noyau seul
bench-times-floor = × plancher
bench-end-to-end = de bout en bout
bench-pinned = épinglée
bench-vs-best-cpu = vs meilleur CPU
bench-vs-best-cpu-note = vs meilleur CPU : noyau seul / de bout en bout, face au moteur CPU le plus rapide ci-dessus

## L'aide de clap : les descriptions des commandes (cli-COMMANDE) et de leurs
## arguments (cli-COMMANDE-ARGUMENT).
cli-heading-usage = Utilisation :
cli-heading-commands = Commandes
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help-flag = Afficher l'aide
cli-version-flag = Afficher la version
cli-after-help = Sans commande, ouvre le cours là où vous vous étiez arrêté.
cli = Un cours de Python avancé, en tutoriel interactif dans le terminal : chaque idiome à côté de son équivalent Rust
cli-lessons = Lire les leçons dans ce dossier au lieu de celles intégrées (pour les auteurs)
cli-color = Quand utiliser la couleur ; NO_COLOR dans l'environnement veut dire jamais
cli-theme = Les couleurs du code pour un terminal sombre ou clair [par défaut : `theme` dans config.toml, sinon COLORFGBG, sinon la réponse du terminal, sinon sombre]
cli-lang = La langue du cours : en ou fr [par défaut : AVANCE_LANG, sinon la locale (LC_ALL, LC_MESSAGES, LANG), sinon en]
cli-list = Lister les leçons avec leur nombre de diapositives et votre progression
cli-show = Afficher une leçon, ou une de ses diapositives : LEÇON ou LEÇON/DIAPO (par exemple 1/3, underscore/3)
cli-show-notes = Inclure les notes de l'orateur
cli-show-full = Montrer les longs blocs de code en entier plutôt que leurs premières lignes
cli-run = Exécuter les extraits Rust d'une leçon (ou d'une diapositive), chacun avec sa sortie
cli-present = Présenter une leçon en plein écran, devant une salle : flèches pour se déplacer, r exécute le Rust, ? liste les touches
cli-present-lesson = LEÇON, ou LEÇON/DIAPO pour commencer là (par exemple underscore, 1/3)
cli-present-slide = Commencer à cette diapositive (à partir de 1)
cli-notes = La vue de l'orateur pour un second terminal : les notes de la diapositive qu'affiche `avance present`, le titre suivant, une horloge
cli-export = Écrire une leçon (ou toutes) en diapositives HTML autonomes, la sortie de chaque extrait capturée maintenant
cli-export-lesson = La leçon à exporter (par exemple underscore, 1)
cli-export-all = Exporter toutes les leçons, et un index.html qui les relie
cli-export-html = Écrire les fichiers NN-slug.html dans ce dossier (créé s'il manque)
cli-export-force = Écraser les fichiers qui existent déjà
cli-notebook = Écrire une leçon (ou toutes) en notebooks Jupyter pour le noyau Rust evcxr
cli-notebook-lesson = La leçon à exporter (par exemple underscore, 1)
cli-notebook-all = Exporter toutes les leçons
cli-notebook-output = Écrire les fichiers NN-slug.ipynb dans ce dossier (créé s'il manque)
cli-notebook-force = Écraser les fichiers qui existent déjà
cli-notebook-avance_path = Où la première cellule des notebooks trouve la crate `avance` (un chemin relatif part du dossier des notebooks, où Jupyter lance le noyau) ; par défaut les sources de ce programme, relatives à DIR
cli-notebook-vendor = Copier la crate légère `avance` dans DIR/avance et la charger de là, pour que DIR puisse être zippé et distribué tel quel
cli-notebook-python = Écrire aussi le Python de chaque leçon en notebook pour le noyau Python, NN-slug.python.ipynb à côté de celui en Rust
cli-notebook-execute = Exécuter chaque notebook sur le noyau evcxr (nbclient de Jupyter) et garder les sorties de chaque cellule, pour qu'il s'ouvre avec ses résultats
cli-exercise = Travailler un exercice dans votre éditeur : LEÇON ou LEÇON/N ; chaque enregistrement est corrigé
cli-exercise-target = LEÇON ou LEÇON/N : une leçon (numéro, nom ou préfixe) et lequel de ses exercices, à partir de 1 (par exemple ownership/2)
cli-check = Vérifier que chaque extrait affiche ce que dit sa leçon (toutes les leçons, ou une seule)
cli-check-lesson = Une leçon (par exemple underscore, 1) ; toutes les leçons sans elle
cli-bench = Chronométrer la convolution, les fonctions élément par élément, la machine ou les variantes parallèles
cli-bench-conv = La convolution 2D du cours, N×N int64 avec un filtre 9×9
cli-bench-conv-size = Côté de l'image
cli-bench-conv-engine = Seulement ces moteurs (répétez l'option, ou séparez par des virgules)
cli-bench-conv-runs = Exécutions chronométrées par moteur
cli-bench-conv-python = Chronométrer aussi les versions Python du cours (numpy ; numexpr et Numba s'ils sont installés) dans python3
cli-bench-conv-json = Afficher du JSON plutôt qu'un tableau
cli-bench-conv-gpu = Exécuter aussi les noyaux CUDA ; sans GPU, dit pourquoi en une ligne
cli-bench-elementwise = fonction1 et fonction2 du cours sur a = b = 1..N en f64
cli-bench-elementwise-size = Fin du tableau : a = b = 1..SIZE
cli-bench-elementwise-engine = Seulement ces moteurs (répétez l'option, ou séparez par des virgules)
cli-bench-elementwise-runs = Exécutions chronométrées par moteur
cli-bench-elementwise-python = Chronométrer aussi les versions Python du cours (numpy ; numexpr et Numba s'ils sont installés) dans python3
cli-bench-elementwise-json = Afficher du JSON plutôt qu'un tableau
cli-bench-machine = Les limites de cette machine : débits crête de multiplications-additions et bande passante mémoire
cli-bench-machine-runs = Exécutions chronométrées par limite
cli-bench-machine-json = Afficher du JSON plutôt qu'un tableau
cli-bench-parallel = Les appels à heavy_fonction du cours sur chaque variante parallèle, puis en calcul pur sur 1, 2, ... threads
cli-bench-parallel-size = Appels à heavy_fonction
cli-bench-parallel-engine = Seulement ces variantes (répétez l'option, ou séparez par des virgules)
cli-bench-parallel-runs = Exécutions chronométrées par variante (le calcul pur en fait au moins 3)
cli-bench-parallel-workers = Workers : threads, processus ou le second pool rayon
cli-mpi-demo = La démo MPI de la leçon sur le parallélisme : lancez-la avec `mpirun -n 4 avance mpi-demo`
cli-mpi-demo-calls = Combien d'appels à heavy_fonction, répartis entre les rangs
cli-i18n = Les outils des traducteurs : extraire les messages, mettre à jour un catalogue, importer des leçons traduites, faire le bilan
cli-i18n-po = Le dossier des catalogues [par défaut : po ; `report` lit le catalogue intégré au programme si ce dossier n'est pas donné]
cli-i18n-extract = Écrire DIR/messages.pot : chaque titre, paragraphe, élément de liste, cellule de tableau, note et indice des leçons
cli-i18n-update = Mettre DIR/LANG.po (et DIR/messages.pot) à jour avec les leçons : nouveaux messages ajoutés, messages modifiés marqués fuzzy
cli-i18n-update-language = La langue du catalogue
cli-i18n-import = Faire DIR/LANG.po à partir de copies traduites des fichiers de leçon (DOSSIER/NN-slug.md, mêmes blocs dans le même ordre)
cli-i18n-import-language = La langue du catalogue
cli-i18n-import-folder = Le dossier des fichiers de leçon traduits
cli-i18n-report = Le degré d'achèvement d'une langue, leçon par leçon
cli-i18n-report-language = La langue du catalogue
cli-i18n-report-strict = Échouer sauf si chaque message est traduit et aucun n'est fuzzy
cli-completions = Afficher le script de complétion du shell : `source <(avance completions bash)`
cli-completions-shell = bash, zsh, fish, elvish ou powershell
cli-man = Afficher la page de manuel (roff) : `avance man | man -l -`
cli-man-command = La page propre d'une commande (`list`, `bench`...) au lieu de la principale
cli-man-dir = Écrire toutes les pages dans ce dossier au lieu d'en afficher une
