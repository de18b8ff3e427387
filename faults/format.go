package faults

import "fmt"

// groupsString prints a partition layout, e.g. "[0 3] | [1 2 4]".
func groupsString(groups [][]int) string {
	s := ""
	for i, g := range groups {
		if i > 0 {
			s += " | "
		}
		s += fmt.Sprint(g)
	}
	return s
}

// join appends a detail to a fault name when there is one.
func join(name, detail string) string {
	if detail == "" {
		return name
	}
	return name + " " + detail
}
