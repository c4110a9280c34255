package ui

import (
	"image/color"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"stratplan"
)

// Status labels, in the order of the plan's values.
var (
	actionStatusLabels = []string{"Planned", "In progress", "Done", "Blocked", "Cancelled"}
	delivStatusLabels  = []string{"Planned", "In progress", "Delivered", "Late", "Cancelled"}
)

// statusImportance is how a status is coloured: by the theme's status
// colours, which colour-blind readers tell apart (see statusColors), and
// always with its name.
var statusImportance = map[string]widget.Importance{
	"planned":     widget.MediumImportance,
	"in_progress": widget.MediumImportance,
	"done":        widget.SuccessImportance,
	"delivered":   widget.SuccessImportance,
	"on_track":    widget.SuccessImportance,
	"at_risk":     widget.WarningImportance,
	"late":        widget.DangerImportance,
	"blocked":     widget.DangerImportance,
	"off_track":   widget.DangerImportance,
	"cancelled":   widget.LowImportance,
}

// statusName is the translated label of a status value.
func statusName(s string, values, labels []string) string {
	if i := indexOf(values, s); i >= 0 {
		return lang.L(labels[i])
	}
	return s
}

func actionStatus(s string) string {
	return statusName(s, stratplan.ActionStatuses, actionStatusLabels)
}

func deliverableStatus(s string) string {
	return statusName(s, stratplan.DeliverableStatuses, delivStatusLabels)
}

// quadrantColors are the SWOT quadrants' bands: deep enough for white text
// to read on a projector, and told apart without relying on red and green.
var quadrantColors = []color.NRGBA{{0x00, 0x6b, 0x55, 0xff}, {0x9a, 0x4a, 0x00, 0xff}, {0x00, 0x5a, 0x9c, 0xff}, {0x8e, 0x2a, 0x6e, 0xff}}
