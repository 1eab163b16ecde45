// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AccountEntry } from "@/components/account/AccountEntry";
import { SignInForm, SignUpForm } from "@/components/account/AuthForms";
import { forgetSessionRequest } from "@/lib/account/session-request";

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ type: "urn:quorum:problem:x", title: "t", status, ...body }), { status, headers: { "content-type": "application/problem+json" } });

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

beforeEach(() => {
  forgetSessionRequest();
  push.mockReset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.cookie = "quorum-signed-in=; Max-Age=0; Path=/";
});

describe("sign-up form", () => {
  it("says what is wrong next to each field and in a focused summary, before sending anything", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    render(<SignUpForm next="/account" />);
    await userEvent.type(screen.getByLabelText("Email address"), "not-an-email");
    await userEvent.type(screen.getByLabelText("Password"), "short");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));

    const summary = screen.getByTestId("error-summary");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent("There is a problem");
    expect(screen.getByRole("link", { name: "Your name: Enter a name." })).toHaveAttribute("href", "#name");
    expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription(/Enter an email address like name@example.com/);
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(/Use at least 10 characters/);
    // What was typed is kept.
    expect(screen.getByLabelText("Email address")).toHaveValue("not-an-email");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("puts the server's answer on the right field (an address already taken)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => problem(422, { detail: "User already exists.", code: "USER_ALREADY_EXISTS" })));
    render(<SignUpForm next="/account" />);
    await userEvent.type(screen.getByLabelText("Your name"), "Lin");
    await userEvent.type(screen.getByLabelText("Email address"), "lin@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "a long enough password");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription(/already exists\. Sign in instead/));
    expect(screen.getByLabelText("Password")).toHaveValue("a long enough password");
  });
});

describe("sign-in form", () => {
  it("a wrong password is a general error in words; a rate limit shows the server's detail", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(problem(401, { detail: "Invalid email or password" }))
      .mockResolvedValueOnce(problem(429, { detail: "Too many requests; try again in 42 s." }));
    vi.stubGlobal("fetch", fetch);
    render(<SignInForm next="/account" />);
    await userEvent.type(screen.getByLabelText("Email address"), "lin@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "nope nope nope");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByTestId("error-summary")).toHaveTextContent("do not match an account"));
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByTestId("error-summary")).toHaveTextContent("try again in 42 s"));
    expect(fetch).toHaveBeenCalledWith("/api/v1/auth/sign-in/email", expect.objectContaining({ method: "POST" }));
  });
});

describe("signing in in place", () => {
  it("goes on to `next` without a full page load, and the header learns who is signed in", async () => {
    let session: unknown = { user: null };
    const fetch = vi.fn(async (url: string) => {
      if (url === "/api/v1/session") return new Response(JSON.stringify(session), { status: 200 });
      document.cookie = "quorum-signed-in=1; Path=/";
      session = { user: { id: "u1", name: "Lin Learner" } };
      return new Response(JSON.stringify({ user: { id: "u1" } }), { status: 200 });
    });
    vi.stubGlobal("fetch", fetch);
    render(
      <>
        <AccountEntry />
        <SignInForm next="/lessons/testing" />
      </>,
    );
    expect(screen.getByRole("link", { name: "Sign in" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Email address"), "lin@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "a good long password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/lessons/testing"));
    expect(await screen.findByRole("link", { name: "Lin Learner" })).toHaveAttribute("href", "/account");
  });
});

describe("the header's account entry", () => {
  it("asks nothing of the server for a visitor without the signed-in hint", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    render(<AccountEntry />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says Sign in, then the user's name once the server says who is signed in", async () => {
    document.cookie = "quorum-signed-in=1; Path=/";
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ user: { id: "u1", name: "Ada Admin" } }), { status: 200 })));
    render(<AccountEntry />);
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
    const link = await screen.findByRole("link", { name: "Ada Admin" });
    expect(link).toHaveAttribute("href", "/account");
  });

  it("stays Sign in when nobody is signed in or the server cannot be reached", async () => {
    document.cookie = "quorum-signed-in=1; Path=/";
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("offline"); }));
    render(<AccountEntry />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole("link", { name: "Sign in" })).toBeInTheDocument();
  });
});

describe("before the page's script has run", () => {
  it("a form with a password would be posted, never put in the address", () => {
    const { unmount } = render(<SignInForm next="/account" />);
    expect(screen.getByTestId("signin-form")).toHaveAttribute("method", "post");
    unmount();
    const { container } = render(<SignUpForm next="/account" />);
    expect(container.querySelector("form")).toHaveAttribute("method", "post");
  });
});
