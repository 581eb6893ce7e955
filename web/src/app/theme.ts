// The portal's look: calm blues and greys, system fonts (nothing fetched), compact controls for
// dense accounting tables that stay readable.
import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  colors: {
    blue: [
      "#eef5fb",
      "#dce9f4",
      "#b5d0e8",
      "#8cb6dc",
      "#6a9fd1",
      "#548fca",
      "#4787c7",
      "#3874b0",
      "#2e679e",
      "#1f5f8b",
    ],
  },
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontFamilyMonospace: "ui-monospace, 'SF Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
  headings: {
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  defaultRadius: "sm",
  fontSizes: { xs: "12px", sm: "13.5px", md: "15px", lg: "17px", xl: "20px" },
  components: {
    Table: { defaultProps: { horizontalSpacing: "sm" } },
    Button: { defaultProps: { size: "sm" } },
  },
});
