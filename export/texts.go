package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The texts of the reports in English, French and Spanish. The report does
// not go through the window's translations: it is made without a window,
// in the language asked for, whatever the machine's. Each text has one
// entry here.

// reportLangs are the languages reports can be written in.
var reportLangs = []string{"en", "fr", "es"}

func knownLang(l string) bool {
	for _, x := range reportLangs {
		if x == l {
			return true
		}
	}
	return false
}

// texts gives the French and Spanish of each English text.
var texts = map[string][2]string{
	"%d members in %d regions scored %d themes from 1 to 5. A theme is common when it is among the top %d of at least %d regions, regional otherwise.": {"%d membres de %d régions ont noté %d thèmes de 1 à 5. Un thème est commun lorsqu'il figure parmi les %d premiers d'au moins %d régions, régional sinon.", "%d miembros de %d regiones puntuaron %d temas de 1 a 5. Un tema es común cuando figura entre los %d primeros de al menos %d regiones; si no, es regional."},
	"%d items: each cell shows how many are in it.": {"%d éléments : chaque case indique combien elle en contient.", "%d elementos: cada casilla indica cuántos contiene."},
	"%d of %d":                             {"%d sur %d", "%d de %d"},
	"(deleted)":                            {"(supprimé)", "(eliminado)"},
	"(edited) %s":                          {"(modifié) %s", "(modificado) %s"},
	"(no baseline: from the first figure)": {"(pas de référence : depuis le premier chiffre)", "(sin línea de base: desde la primera cifra)"},
	"A priority belongs to the region of the workshop that raised it; priorities linked as the same across regions make one row, their votes added once. Raised in at least %d regions: common (%d); otherwise regional (%d). ● raised in the region; the number is the dots that region's workshops gave it.": {"Une priorité appartient à la région de l'atelier qui l'a proposée ; les priorités reconnues identiques d'une région à l'autre forment une seule ligne, leurs votes additionnés une fois. Proposée dans au moins %d régions : commune (%d) ; sinon régionale (%d). ● proposée dans la région ; le nombre est celui des points donnés par les ateliers de la région.", "Una prioridad pertenece a la región del taller que la propuso; las prioridades vinculadas como iguales entre regiones forman una sola fila y sus votos se suman una vez. Propuesta en al menos %d regiones: común (%d); si no, regional (%d). ● propuesta en la región; el número son los puntos que le dieron los talleres de esa región."},
	"Action and deliverables": {"Action et livrables", "Acción y entregables"},
	"Action plan":             {"Plan d'action", "Plan de acción"},
	"Actions":                 {"Actions", "Acciones"},
	"Actions done":            {"Actions achevées", "Acciones terminadas"},
	"Adopted vision":          {"Vision adoptée", "Visión adoptada"},
	"Annex %c — %s":           {"Annexe %c — %s", "Anexo %c — %s"},
	"Answers":                 {"Réponses", "Respuestas"},
	"Appendix %s — Where the regions disagree": {"Appendice %s — Là où les régions divergent", "Apéndice %s — Donde las regiones discrepan"},
	"Available":         {"Disponible", "Disponible"},
	"Baseline → target": {"Référence → cible", "Línea de base → meta"},
	"Budget":            {"Budget", "Presupuesto"},
	"Budget (%s)":       {"Budget (%s)", "Presupuesto (%s)"},
	"Budget available":  {"Budget disponible", "Presupuesto disponible"},
	"Bundles merged":    {"Paquets fusionnés", "Paquetes fusionados"},
	"Cancelled actions and actions of deleted priorities are not counted.": {"Les actions annulées et celles des priorités supprimées ne sont pas comptées.", "No se cuentan las acciones canceladas ni las de prioridades eliminadas."},
	"Candidate statements":         {"Énoncés proposés", "Enunciados propuestos"},
	"Category":                     {"Catégorie", "Categoría"},
	"Code":                         {"Code", "Código"},
	"Common themes":                {"Thèmes communs", "Temas comunes"},
	"Conflicts to settle":          {"Conflits à régler", "Conflictos por resolver"},
	"Consolidated plan":            {"Plan consolidé", "Plan consolidado"},
	"Contents":                     {"Sommaire", "Índice"},
	"Date":                         {"Date", "Fecha"},
	"Deliverables delivered":       {"Livrables remis", "Entregables entregados"},
	"Description":                  {"Description", "Descripción"},
	"Digest and signer":            {"Empreinte et signataire", "Huella y firmante"},
	"Direction, frequency, source": {"Sens, fréquence, source", "Sentido, frecuencia, fuente"},
	"Due":                          {"Échéance", "Vencimiento"},
	"Each field below was changed on two laptops that had not seen each other's change; every competing value is shown with who wrote it and when. The plan shows the latest until someone settles it.": {"Chaque champ ci-dessous a été modifié sur deux ordinateurs qui n'avaient pas vu la modification de l'autre ; chaque valeur en concurrence figure avec son auteur et sa date. Le plan affiche la plus récente jusqu'à ce que quelqu'un tranche.", "Cada campo de abajo se modificó en dos computadoras que no habían visto el cambio de la otra; cada valor en disputa figura con quién lo escribió y cuándo. El plan muestra el más reciente hasta que alguien lo resuelva."},
	"Effort":             {"Effort", "Esfuerzo"},
	"Entities":           {"Entités", "Entidades"},
	"Environmental scan": {"Analyse de l'environnement", "Análisis del entorno"},
	"Export no.":         {"Export nº", "Exportación n.º"},
	"Exported":           {"Exporté le", "Exportado el"},
	"Exported by":        {"Exporté par", "Exportado por"},
	"Facilitator":        {"Animateur·rice", "Facilitador/a"},
	"Factor":             {"Facteur", "Factor"},
	"Figures on %s. Status: on track from %d%% of the progress the time elapsed in the plan period calls for, at risk from %d%%, off track below; no data when the figure due is missing.": {"Chiffres au %s. État : en bonne voie à partir de %d %% de la progression qu'appelle le temps écoulé de la période du plan, à risque à partir de %d %%, en retard en dessous ; sans données quand le chiffre attendu manque.", "Cifras al %s. Estado: en curso a partir del %d %% del avance que exige el tiempo transcurrido del periodo del plan, en riesgo a partir del %d %%, retrasado por debajo; sin datos cuando falta la cifra debida."},
	"File":                        {"Fichier", "Archivo"},
	"Fill-ins":                    {"Compléments", "Complementos"},
	"Impact":                      {"Impact", "Impacto"},
	"Impact × effort":             {"Impact × effort", "Impacto × esfuerzo"},
	"Impact × likelihood":         {"Impact × probabilité", "Impacto × probabilidad"},
	"Indicator":                   {"Indicateur", "Indicador"},
	"Indicators":                  {"Indicateurs", "Indicadores"},
	"Indicators by status":        {"Indicateurs par état", "Indicadores por estado"},
	"Latest":                      {"Dernier", "Último"},
	"Likelihood":                  {"Probabilité", "Probabilidad"},
	"Major projects":              {"Grands projets", "Grandes proyectos"},
	"Mean score":                  {"Note moyenne", "Puntuación media"},
	"Measures: %s":                {"Mesure : %s", "Mide: %s"},
	"Member administration":       {"Administration membre", "Administración miembro"},
	"Mission":                     {"Mission", "Misión"},
	"Mode":                        {"Format", "Modalidad"},
	"Monitoring dashboard":        {"Tableau de bord du suivi", "Tablero de seguimiento"},
	"Name":                        {"Nom", "Nombre"},
	"No SWOT items were entered.": {"Aucun élément SWOT n'a été saisi.", "No se introdujo ningún elemento FODA."},
	"No actions were planned.":    {"Aucune action n'a été prévue.", "No se planificó ninguna acción."},
	"No conflicts: every field has one value.":   {"Aucun conflit : chaque champ a une seule valeur.", "Sin conflictos: cada campo tiene un solo valor."},
	"No factors were entered.":                   {"Aucun facteur n'a été saisi.", "No se introdujo ningún factor."},
	"No indicators were set.":                    {"Aucun indicateur n'a été défini.", "No se definió ningún indicador."},
	"No participants were entered.":              {"Aucun participant n'a été saisi.", "No se introdujo ningún participante."},
	"No priorities were set.":                    {"Aucune priorité n'a été fixée.", "No se fijó ninguna prioridad."},
	"No survey results were imported.":           {"Aucun résultat d'enquête n'a été importé.", "No se importó ningún resultado de encuesta."},
	"Nothing was entered for this workshop yet.": {"Rien n'a encore été saisi pour cet atelier.", "Aún no se ha introducido nada para este taller."},
	"Notes of the steps":                         {"Notes des étapes", "Notas de las etapas"},
	"Objective":                                  {"Objectif", "Objetivo"},
	"Old → new target":                           {"Ancienne → nouvelle cible", "Meta anterior → nueva"},
	"Owner":                                      {"Responsable", "Responsable"},
	"Page %d of %d":                              {"Page %d sur %d", "Página %d de %d"},
	"Participants":                               {"Participants", "Participantes"},
	"Period":                                     {"Période", "Periodo"},
	"Prepared with stratplan from the plan as last written on %s.": {"Établi avec stratplan à partir du plan tel que modifié pour la dernière fois le %s.", "Elaborado con stratplan a partir del plan tal como se modificó por última vez el %s."},
	"Priorities":             {"Priorités", "Prioridades"},
	"Priorities × regions":   {"Priorités × régions", "Prioridades × regiones"},
	"Priority":               {"Priorité", "Prioridad"},
	"Progress":               {"Progression", "Avance"},
	"Progress per objective": {"Avancement par objectif", "Avance por objetivo"},
	"Progress runs from the baseline (0%%) to the target (100%%), whichever way is better. Status on %s: on track from %d%% of the progress the time elapsed in the plan period calls for, at risk from %d%%, off track below; no data when the figure due is missing.": {"La progression va de la référence (0 %%) à la cible (100 %%), dans le sens qui est meilleur. État au %s : en bonne voie à partir de %d %% de la progression qu'appelle le temps écoulé de la période du plan, à risque à partir de %d %%, en retard en dessous ; sans données quand le chiffre attendu manque.", "El avance va de la línea de base (0 %%) a la meta (100 %%), en el sentido que sea mejor. Estado al %s: en curso a partir del %d %% del avance que exige el tiempo transcurrido del periodo del plan, en riesgo a partir del %d %%, retrasado por debajo; sin datos cuando falta la cifra debida."},
	"Quick wins": {"Gains rapides", "Logros rápidos"},
	"Rank":       {"Rang", "Puesto"},
	"Ranked by the participants' dots; equal dots are ranked by impact minus effort. The numbers place each priority on the matrix below.": {"Classées selon les points des participants ; à égalité, selon l'impact moins l'effort. Les numéros situent chaque priorité sur la matrice ci-dessous.", "Ordenadas por los puntos de los participantes; a igualdad, por impacto menos esfuerzo. Los números sitúan cada prioridad en la matriz de abajo."},
	"Reason":                            {"Motif", "Motivo"},
	"Region":                            {"Région", "Región"},
	"Regional themes":                   {"Thèmes régionaux", "Temas regionales"},
	"Regions":                           {"Régions", "Regiones"},
	"Regions where it is in the top %d": {"Régions où il est parmi les %d premiers", "Regiones donde está entre los %d primeros"},
	"Resources asked for and available": {"Ressources demandées et disponibles", "Recursos solicitados y disponibles"},
	"Response":                          {"Réponse", "Respuesta"},
	"Role":                              {"Fonction", "Cargo"},
	"SWOT analysis":                     {"Analyse SWOT", "Análisis FODA"},
	"Staff months":                      {"Mois-personnes", "Meses-persona"},
	"Staff months available":            {"Mois-personnes disponibles", "Meses-persona disponibles"},
	"Start":                             {"Début", "Inicio"},
	"Statement":                         {"Énoncé", "Enunciado"},
	"Status":                            {"État", "Estado"},
	"Strategic objectives":              {"Objectifs stratégiques", "Objetivos estratégicos"},
	"Strategic plan":                    {"Plan stratégique", "Plan estratégico"},
	"Survey highlights":                 {"Points saillants de l'enquête", "Aspectos destacados de la encuesta"},
	"Target revisions":                  {"Révisions des cibles", "Revisiones de metas"},
	"Thankless tasks":                   {"Tâches ingrates", "Tareas ingratas"},
	"The actions ask for %s %s, more than the %s %s available.":        {"Les actions demandent %s %s, plus que les %s %s disponibles.", "Las acciones piden %s %s, más que los %s %s disponibles."},
	"The actions ask for %s staff months, more than the %s available.": {"Les actions demandent %s mois-personnes, plus que les %s disponibles.", "Las acciones piden %s meses-persona, más que los %s disponibles."},
	"The due date is before the start date.":                           {"L'échéance précède la date de début.", "El vencimiento es anterior al inicio."},
	"The plan at a glance":                                             {"Le plan en bref", "El plan de un vistazo"},
	"The workshop has not adopted a vision yet.":                       {"L'atelier n'a pas encore adopté de vision.", "El taller aún no ha adoptado una visión."},
	"Theme":                      {"Thème", "Tema"},
	"Under no objective":         {"Sans objectif", "Sin objetivo"},
	"Under no priority":          {"Sans priorité", "Sin prioridad"},
	"Value":                      {"Valeur", "Valor"},
	"Venue or platform":          {"Lieu ou plateforme", "Lugar o plataforma"},
	"Vision":                     {"Vision", "Visión"},
	"Vision and mission":         {"Vision et mission", "Visión y misión"},
	"Votes":                      {"Votes", "Votos"},
	"When (UTC)":                 {"Quand (UTC)", "Cuándo (UTC)"},
	"Whole plan":                 {"Ensemble du plan", "Todo el plan"},
	"Whole plan, every workshop": {"Ensemble du plan, tous ateliers", "Todo el plan, todos los talleres"},
	"This workshop":              {"Cet atelier", "Este taller"},
	"Workshop":                   {"Atelier", "Taller"},
	"Workshop report":            {"Rapport d'atelier", "Informe del taller"},
	"Workshops":                  {"Ateliers", "Talleres"},
	"Written by":                 {"Écrit par", "Escrito por"},
	"adopted":                    {"adoptée", "adoptada"},
	"common":                     {"commun", "común"},
	"deleted on one laptop, edited on another": {"supprimé sur un ordinateur, modifié sur un autre", "eliminado en una computadora, modificado en otra"},
	"due: %s":                       {"attendu : %s", "debida: %s"},
	"from the scan: %s":             {"issu de l'analyse : %s", "del análisis: %s"},
	"qualitative, by milestone":     {"qualitatif, par étape", "cualitativo, por hito"},
	"regional":                      {"régional", "regional"},
	"with %d linked priorities":     {"avec %d priorités liées", "con %d prioridades vinculadas"},
	"with 1 linked priority":        {"avec 1 priorité liée", "con 1 prioridad vinculada"},
	"… and %d more (see the table)": {"… et %d autres (voir le tableau)", "… y %d más (ver la tabla)"},
}

// labels names the values of the plan's enumerations (group:value) in
// English, French and Spanish.
var labels = map[string][3]string{
	"action:blocked":          {"blocked", "bloquée", "bloqueada"},
	"action:cancelled":        {"cancelled", "annulée", "cancelada"},
	"action:done":             {"done", "achevée", "terminada"},
	"action:in_progress":      {"in progress", "en cours", "en curso"},
	"action:planned":          {"planned", "prévue", "prevista"},
	"category:economic":       {"Economic", "Économique", "Económico"},
	"category:environmental":  {"Environmental", "Environnemental", "Ambiental"},
	"category:legal":          {"Legal", "Juridique", "Jurídico"},
	"category:political":      {"Political", "Politique", "Político"},
	"category:social":         {"Social", "Social", "Social"},
	"category:technological":  {"Technological", "Technologique", "Tecnológico"},
	"deliverable:cancelled":   {"cancelled", "annulé", "cancelado"},
	"deliverable:delivered":   {"delivered", "remis", "entregado"},
	"deliverable:in_progress": {"in progress", "en cours", "en curso"},
	"deliverable:late":        {"late", "en retard", "atrasado"},
	"deliverable:planned":     {"planned", "prévu", "previsto"},
	"direction:decrease":      {"lower is better", "plus bas est mieux", "más bajo es mejor"},
	"direction:increase":      {"higher is better", "plus haut est mieux", "más alto es mejor"},
	"frequency:annual":        {"annual", "annuelle", "anual"},
	"frequency:biennial":      {"every two years", "biennale", "bienal"},
	"frequency:monthly":       {"monthly", "mensuelle", "mensual"},
	"frequency:quarterly":     {"quarterly", "trimestrielle", "trimestral"},
	"frequency:semiannual":    {"twice a year", "semestrielle", "semestral"},
	"kind:action":             {"Action", "Action", "Acción"},
	"kind:deliverable":        {"Deliverable", "Livrable", "Entregable"},
	"kind:indicator":          {"Indicator", "Indicateur", "Indicador"},
	"kind:measurement":        {"Measurement", "Mesure", "Medición"},
	"kind:note":               {"Notes", "Notes", "Notas"},
	"kind:objective":          {"Objective", "Objectif", "Objetivo"},
	"kind:participant":        {"Participant", "Participant", "Participante"},
	"kind:plan":               {"Plan", "Plan", "Plan"},
	"kind:priority":           {"Priority", "Priorité", "Prioridad"},
	"kind:region":             {"Region", "Région", "Región"},
	"kind:scan_factor":        {"Scan factor", "Facteur", "Factor"},
	"kind:survey_score":       {"Survey score", "Note d'enquête", "Puntuación de encuesta"},
	"kind:swot":               {"SWOT item", "Élément SWOT", "Elemento FODA"},
	"kind:target_revision":    {"Target revision", "Révision de cible", "Revisión de meta"},
	"kind:vision":             {"Vision", "Vision", "Visión"},
	"kind:vote":               {"Vote", "Vote", "Voto"},
	"kind:workshop":           {"Workshop", "Atelier", "Taller"},
	"milestone:in_progress":   {"in progress", "en cours", "en curso"},
	"milestone:met":           {"met", "atteint", "alcanzado"},
	"milestone:not_started":   {"not started", "pas commencé", "no iniciado"},
	"mode:hybrid":             {"hybrid", "hybride", "híbrido"},
	"mode:in_person":          {"in person", "en présentiel", "presencial"},
	"mode:virtual":            {"virtual", "virtuel", "virtual"},
	"month:1":                 {"January", "janvier", "enero"},
	"month:10":                {"October", "octobre", "octubre"},
	"month:11":                {"November", "novembre", "noviembre"},
	"month:12":                {"December", "décembre", "diciembre"},
	"month:2":                 {"February", "février", "febrero"},
	"month:3":                 {"March", "mars", "marzo"},
	"month:4":                 {"April", "avril", "abril"},
	"month:5":                 {"May", "mai", "mayo"},
	"month:6":                 {"June", "juin", "junio"},
	"month:7":                 {"July", "juillet", "julio"},
	"month:8":                 {"August", "août", "agosto"},
	"month:9":                 {"September", "septembre", "septiembre"},
	"quadrant:opportunity":    {"Opportunities", "Opportunités", "Oportunidades"},
	"quadrant:strength":       {"Strengths", "Forces", "Fortalezas"},
	"quadrant:threat":         {"Threats", "Menaces", "Amenazas"},
	"quadrant:weakness":       {"Weaknesses", "Faiblesses", "Debilidades"},
	"status:at_risk":          {"At risk", "À risque", "En riesgo"},
	"status:no_data":          {"No data", "Sans données", "Sin datos"},
	"status:off_track":        {"Off track", "En retard", "Retrasado"},
	"status:on_track":         {"On track", "En bonne voie", "En curso"},
	"step:actions":            {"Actions", "Actions", "Acciones"},
	"step:indicators":         {"Indicators", "Indicateurs", "Indicadores"},
	"step:monitoring":         {"Monitoring", "Suivi", "Seguimiento"},
	"step:priorities":         {"Priorities", "Priorités", "Prioridades"},
	"step:review":             {"Review & export", "Revue et export", "Revisión y exportación"},
	"step:scan":               {"Environmental scan", "Analyse de l'environnement", "Análisis del entorno"},
	"step:survey":             {"Survey", "Enquête", "Encuesta"},
	"step:swot":               {"SWOT", "SWOT", "FODA"},
	"step:vision":             {"Vision", "Vision", "Visión"},
	"step:workshop":           {"Workshop", "Atelier", "Taller"},
}

// tr returns an English text in the report's language.
func (b *builder) tr(s string) string {
	t, ok := texts[s]
	switch {
	case !ok || b.lang == "en":
		return s
	case b.lang == "fr":
		return t[0]
	}
	return t[1]
}

// trf translates a format, then fills it in.
func (b *builder) trf(format string, args ...any) string {
	return fmt.Sprintf(b.tr(format), args...)
}

// label names an enumeration's value in the report's language; a value the
// app does not know is shown as it is.
func (b *builder) label(group, value string) string {
	l, ok := labels[group+":"+value]
	if !ok {
		return b.clean(value, group)
	}
	switch b.lang {
	case "fr":
		return l[1]
	case "es":
		return l[2]
	}
	return l[0]
}

// date writes a YYYY-MM-DD date in words: 14 September 2026, 14 septembre
// 2026, 14 de septiembre de 2026. Anything else is shown as it is.
func (b *builder) date(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return b.clean(s, "a date")
	}
	month := b.label("month", strconv.Itoa(int(t.Month())))
	if b.lang == "es" {
		return fmt.Sprintf("%d de %s de %d", t.Day(), month, t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), month, t.Year())
}

// number writes a number with the language's separators: 4,800,000.5 in
// English, 4 800 000,5 in French, 4.800.000,5 in Spanish. decimals < 0
// writes as many as the number needs.
// money writes an amount: whole units, or with cents when it has them
// (250,000 and 250,000.50), never rounded away.
func (b *builder) money(f float64) string {
	if f == math.Trunc(f) {
		return b.number(f, 0)
	}
	return b.number(f, 2)
}

func (b *builder) number(f float64, decimals int) string {
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	switch b.lang {
	case "fr":
		group, point = "\u00a0", ","
	case "es":
		group, point = ".", ","
	}
	var out strings.Builder
	if neg {
		out.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out.WriteString(group)
		}
		out.WriteRune(c)
	}
	if frac != "" {
		out.WriteString(point + frac)
	}
	return out.String()
}
