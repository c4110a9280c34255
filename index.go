package stratplan

// LiveBy groups the live entities of a kind by the value their field shows,
// each group in the order the entities were created. Use it instead of
// LiveWhere in a loop over many values: it reads the kind once.
func (d *Document) LiveBy(kind, field string) map[string][]*Entity {
	out := map[string][]*Entity{}
	for _, e := range d.Live(kind, "") {
		v := e.Str(field)
		out[v] = append(out[v], e)
	}
	return out
}
