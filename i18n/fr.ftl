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
