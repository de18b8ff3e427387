package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/faults"
	"github.com/spf13/cobra"
)

func (e *env) listCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the implementations, faults and invariants, each with one line",
		Example: `  chaos list
  chaos list | grep "^  bug"`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return e.list(e.stdout) },
	}
}

func (e *env) list(out io.Writer) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "implementations (--impl):")
	for _, i := range e.catalog {
		fmt.Fprintf(w, "  %s\t%s\n", i.Name(), i.about)
	}
	fmt.Fprintln(w, "\nfaults (--nemesis):")
	for _, name := range faults.Names() {
		fmt.Fprintf(w, "  %s\t%s\n", name, faults.About(name))
	}
	fmt.Fprintln(w, "\ninvariants (every run is held to all of them):")
	for _, c := range checker.All() {
		fmt.Fprintf(w, "  %s\t%s\n", c.Name(), checker.About(c.Name()))
	}
	return w.Flush()
}

// completeImpl makes the shell complete --impl and --nemesis.
func (e *env) completeImpl(cmd *cobra.Command) {
	cmd.RegisterFlagCompletionFunc("impl", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return e.catalog.names(), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.RegisterFlagCompletionFunc("nemesis", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return append([]string{"all"}, faults.Names()...), cobra.ShellCompDirectiveNoFileComp
	})
}
