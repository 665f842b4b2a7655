/** @jest-environment jsdom */
import { typographyStyles } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { Body1, Caption1, Subtitle1, Subtitle2, Title3 } from "../../../../src/panes/shared/Typography";

const presets = [
  { name: "Title3", Preset: Title3, fluent: typographyStyles.title3 },
  { name: "Subtitle1", Preset: Subtitle1, fluent: typographyStyles.subtitle1 },
  { name: "Subtitle2", Preset: Subtitle2, fluent: typographyStyles.subtitle2 },
  { name: "Body1", Preset: Body1, fluent: typographyStyles.body1 },
  { name: "Caption1", Preset: Caption1, fluent: typographyStyles.caption1 },
];

describe("text presets", () => {
  it.each(presets)("$name sets Fluent's type ramp for it, on an inline span by default", ({ Preset, fluent }) => {
    render(<Preset>Tracking token</Preset>);
    const text = screen.getByText("Tracking token");
    expect(text.tagName).toBe("SPAN");
    expect(text).toHaveStyle({
      fontFamily: fluent.fontFamily,
      fontSize: fluent.fontSize,
      fontWeight: fluent.fontWeight,
      lineHeight: fluent.lineHeight,
      display: "inline",
      whiteSpace: "normal",
    });
  });

  it("Title3 is the 600 step, semibold", () => {
    render(<Title3>Tracking token</Title3>);
    expect(screen.getByText("Tracking token")).toHaveStyle({ fontSize: "var(--fontSizeBase600)", fontWeight: "var(--fontWeightSemibold)" });
  });

  it("renders the element `as` names, so headings are headings", () => {
    render(
      <>
        <Title3 as="h1">Compose</Title3>
        <Subtitle1 as="h2">Marks</Subtitle1>
        <Subtitle2 as="h3">Possible match</Subtitle2>
        <Body1 as="p">No token</Body1>
      </>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Compose" })).toHaveStyle({ fontSize: "var(--fontSizeBase600)" });
    expect(screen.getByRole("heading", { level: 2, name: "Marks" })).toHaveStyle({ fontSize: "var(--fontSizeBase500)" });
    expect(screen.getByRole("heading", { level: 3, name: "Possible match" })).toBeInTheDocument();
    expect(screen.getByRole("paragraph")).toHaveTextContent("No token");
  });

  it("passes id, role, className and other native props through, and the caller's style wins over the preset", () => {
    render(
      <Caption1 id="detail" role="status" className="subject" aria-live="polite" style={{ overflowWrap: "anywhere", fontSize: "20px" }}>
        Not sent
      </Caption1>,
    );
    const status = screen.getByRole("status");
    expect(status).toHaveAttribute("id", "detail");
    expect(status).toHaveClass("subject");
    expect(status).toHaveAttribute("aria-live", "polite");
    expect(status).toHaveStyle({ overflowWrap: "anywhere", fontSize: "20px", lineHeight: "var(--lineHeightBase200)" });
  });

  it("labels a control when rendered as a label", () => {
    render(
      <>
        <Body1 as="label" htmlFor="prefix">
          Prefix
        </Body1>
        <input id="prefix" />
      </>,
    );
    expect(screen.getByLabelText("Prefix")).toBe(document.getElementById("prefix"));
  });
});
