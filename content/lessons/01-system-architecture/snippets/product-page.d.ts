// What the product-page block takes as "defined elsewhere" in the front end.
type Product = { id: string; name: string };
type Price = { amountMinor: number; currency: string };
type Review = { author: string; rating: number; text: string };
declare const CATALOG: string;
declare const PRICING: string;
declare const RECS: string;
declare const REVIEWS: string;
