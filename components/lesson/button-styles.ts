/** The workbench's buttons: size, type and the disabled look (colours are each button's own). */
export const BUTTON_BASE = "rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50";
