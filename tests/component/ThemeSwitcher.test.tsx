// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThemeSwitcher } from "@/components/site/ThemeSwitcher";
import { THEME_KEY } from "@/components/site/theme-script";

const root = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  root.className = "";
  delete root.dataset.theme;
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }));
});

describe("the theme switcher", () => {
  it("shows the theme the page script applied", () => {
    root.dataset.theme = "light";
    render(<ThemeSwitcher />);
    expect(screen.getByRole("radio", { name: /light/i })).toBeChecked();
  });

  it("applies the stored theme again when <html> lost it (React rendered the document afresh)", () => {
    localStorage.setItem(THEME_KEY, "dark");
    render(<ThemeSwitcher />);
    expect(root).toHaveClass("dark");
    expect(root.dataset.theme).toBe("dark");
    expect(screen.getByRole("radio", { name: /dark/i })).toBeChecked();
  });

  it("keeps a choice and applies it at once", async () => {
    root.dataset.theme = "system";
    render(<ThemeSwitcher />);
    await userEvent.click(screen.getByRole("radio", { name: /dark/i }));
    expect(localStorage.getItem(THEME_KEY)).toBe("dark");
    expect(root).toHaveClass("dark");
  });
});
